"""Issues eHerkenning-shaped SAML Responses with pysaml2 (Debian python3-pysaml2, xmlsec1 backend),
so Poort's ACS is tested against messages signed and encrypted by an implementation we did not
write. Run with /usr/bin/python3 (the only interpreter that has pysaml2 on these machines).

stdin: JSON {idp_entity, idp_key_file, idp_cert_file, sp_entity, sp_acs, sp_enc_cert_file,
             cases: [{name, in_response_to, sign_response, sign_assertion, encrypt_assertion,
                      encrypted_ids, advice, pseudonym, kvk, level, class_ref, attributes,
                      eidas: {service_id, service_uuid, legal, authority, first_name, family_name}}]}
An `eidas` case answers for the eIDAS service: its ServiceID/UUID, the LegalSubjectID as an
eIDASLegalIdentifier, the person's names, and the eIDAS node as AuthenticatingAuthority.
attributes: [{name, values}] replaces the eHerkenning attributes (another upstream, e.g. ACM/IDM);
class_ref replaces the eHerkenning level URI.
stdout: JSON {name: response XML}
"""
import base64
import json
import sys
from datetime import datetime, timedelta, timezone

from saml2 import saml, samlp
from saml2.sigver import (
    CryptoBackendXmlSec1,
    make_temp,
    pre_encryption_part,
    pre_signature_part,
)
from saml2.s_utils import sid

AES256 = 'http://www.w3.org/2001/04/xmlenc#aes256-cbc'
OAEP = 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p'
RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'
SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256'
ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion'
RESPONSE = 'urn:oasis:names:tc:SAML:2.0:protocol:Response'
SAML_NS = 'urn:oasis:names:tc:SAML:2.0:assertion'

crypto = CryptoBackendXmlSec1('/usr/bin/xmlsec1', delete_tmpfiles=True)


def instant(delta=0):
    return (datetime.now(timezone.utc) + timedelta(seconds=delta)).strftime('%Y-%m-%dT%H:%M:%SZ')


def encrypted_id(value, qualifier, cfg):
    # pysaml2's default session cipher is 3DES; eHerkenning and Poort want AES.
    name_id = saml.NameID(text=value, name_qualifier=qualifier)
    template = make_temp(str(pre_encryption_part(msg_enc=AES256, key_enc=OAEP)).encode(), decode=False)
    encrypted = crypto.encrypt(str(name_id), cfg['sp_enc_cert_file'], template.name, 'aes-256')
    if isinstance(encrypted, bytes):
        encrypted = encrypted.decode()
    encrypted = encrypted.split('?>', 1)[-1] if encrypted.startswith('<?xml') else encrypted
    return '<saml:EncryptedID xmlns:saml="%s">%s</saml:EncryptedID>' % (SAML_NS, encrypted)


def assertion_xml(cfg, case, pseudonym, with_advice=''):
    aid = sid()
    in_response_to = case.get('in_response_to')
    level = case.get('level', 'loa3')
    values = {}

    def attribute(name, key, text):
        values[key] = text
        return saml.Attribute(name=name, attribute_value=[saml.AttributeValue(text=key)])

    eidas = case.get('eidas')
    if eidas:
        legal_value, legal_qualifier = eidas['legal'], 'urn:etoegang:1.11:EntityConcernedID:eIDASLegalIdentifier'
    else:
        legal_value, legal_qualifier = case.get('kvk', '90009999'), 'urn:etoegang:1.9:EntityConcernedID:KvKnr'
    if case.get('attributes') is not None:
        # Another upstream's attributes (ACM/IDM): plain values, one Attribute per name.
        statement = [saml.Attribute(name=a['name'], attribute_value=[saml.AttributeValue(text=v) for v in a['values']]) for a in case['attributes']]
    elif case.get('encrypted_ids', True):
        acting = encrypted_id(pseudonym, 'urn:etoegang:1.9:EntityConcernedID:Pseudo', cfg)
        legal = encrypted_id(legal_value, legal_qualifier, cfg)
    else:
        acting = '<saml:NameID xmlns:saml="%s" NameQualifier="urn:etoegang:1.9:EntityConcernedID:Pseudo">%s</saml:NameID>' % (SAML_NS, pseudonym)
        legal = '<saml:NameID xmlns:saml="%s" NameQualifier="%s">%s</saml:NameID>' % (SAML_NS, legal_qualifier, legal_value)
    service_attributes = [attribute('urn:etoegang:core:ServiceID', '@@SERVICE@@', eidas['service_id'] if eidas else 'urn:etoegang:DV:00000001234567890000:services:1')]
    person_attributes = []
    if eidas:
        service_attributes.append(attribute('urn:etoegang:core:ServiceUUID', '@@UUID@@', eidas['service_uuid']))
        person_attributes = [
            attribute('urn:etoegang:1.9:attribute:FirstName', '@@FIRST@@', eidas['first_name']),
            attribute('urn:etoegang:1.9:attribute:FamilyName', '@@FAMILY@@', eidas['family_name']),
        ]
    assertion = saml.Assertion(
        id=aid,
        version='2.0',
        issue_instant=instant(),
        issuer=saml.Issuer(text=cfg['idp_entity']),
        subject=saml.Subject(
            name_id=saml.NameID(text=sid(), format=saml.NAMEID_FORMAT_TRANSIENT),
            subject_confirmation=[saml.SubjectConfirmation(
                method=saml.SCM_BEARER,
                subject_confirmation_data=saml.SubjectConfirmationData(
                    in_response_to=in_response_to, not_on_or_after=instant(240), recipient=cfg['sp_acs'])),
            ]),
        conditions=saml.Conditions(
            not_before=instant(-5), not_on_or_after=instant(240),
            audience_restriction=[saml.AudienceRestriction(audience=[saml.Audience(text=cfg['sp_entity'])])]),
        advice=saml.Advice(text='@@ADVICE@@') if with_advice else None,
        authn_statement=[saml.AuthnStatement(
            authn_instant=instant(),
            authn_context=saml.AuthnContext(
                authn_context_class_ref=saml.AuthnContextClassRef(text=case.get('class_ref', 'urn:etoegang:core:assurance-class:' + level)),
                authenticating_authority=[saml.AuthenticatingAuthority(text=eidas['authority'])] if eidas else None))],
        attribute_statement=[saml.AttributeStatement(attribute=statement if case.get('attributes') is not None else service_attributes + [
            attribute('urn:etoegang:core:ActingSubjectID', '@@ACTING@@', acting),
            attribute('urn:etoegang:core:LegalSubjectID', '@@LEGAL@@', legal),
        ] + person_attributes)],
    )
    if case.get('sign_assertion', True):
        assertion.signature = pre_signature_part(aid, cfg['idp_cert'], sign_alg=RSA_SHA256, digest_alg=SHA256)
    xml = str(assertion)
    for key, text in values.items():
        xml = xml.replace(key, text)
    xml = xml.replace('@@ADVICE@@', with_advice)
    if case.get('sign_assertion', True):
        xml = crypto.sign_statement(xml, ASSERTION, cfg['idp_key_file'], node_id=aid)
    if isinstance(xml, bytes):
        xml = xml.decode()
    return xml.split('?>', 1)[-1] if xml.startswith('<?xml') else xml


def response_xml(cfg, case):
    rid = sid()
    advice = ''
    if case.get('advice'):
        advice = assertion_xml(cfg, dict(case, encrypted_ids=False), 'S-advice-only')
    inner = assertion_xml(cfg, case, case.get('pseudonym', 'S-pysaml2'), advice)
    if case.get('encrypt_assertion'):
        template = pre_encryption_part(msg_enc=AES256, key_enc=OAEP)
        wrapped = '<saml:EncryptedAssertion xmlns:saml="%s">%s</saml:EncryptedAssertion>' % (SAML_NS, inner)
        inner = '@@ENCRYPTED@@'
    response = samlp.Response(
        id=rid, version='2.0', issue_instant=instant(), destination=cfg['sp_acs'],
        in_response_to=case.get('in_response_to'),
        issuer=saml.Issuer(text=cfg['idp_entity']),
        status=samlp.Status(status_code=samlp.StatusCode(value=samlp.STATUS_SUCCESS)),
    )
    if case.get('sign_response'):
        response.signature = pre_signature_part(rid, cfg['idp_cert'], sign_alg=RSA_SHA256, digest_alg=SHA256)
    xml = str(response)
    # The assertion goes after Status (schema order); pysaml2 serialises Signature before Status.
    xml = xml.replace('</ns0:Response>', inner + '</ns0:Response>')
    if case.get('encrypt_assertion'):
        doc = xml.replace('@@ENCRYPTED@@', wrapped)
        xpath = "/*[local-name()='Response']/*[local-name()='EncryptedAssertion']/*[local-name()='Assertion']"
        xml = crypto.encrypt_assertion(doc, cfg['sp_enc_cert_file'], template, key_type='aes-256', node_xpath=xpath)
    if case.get('sign_response'):
        xml = crypto.sign_statement(xml, RESPONSE, cfg['idp_key_file'], node_id=rid)
    return xml.decode() if isinstance(xml, bytes) else xml


def main():
    cfg = json.load(sys.stdin)
    with open(cfg['idp_cert_file']) as f:
        cfg['idp_cert'] = ''.join(line for line in f.read().splitlines() if '-----' not in line)
    out = {case['name']: response_xml(cfg, case) for case in cfg['cases']}
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main()
