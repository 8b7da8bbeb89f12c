// The longest e-mail address Poort accepts: RFC 5321 caps a path at 256 octets including the angle
// brackets, so 254 characters. The BFF refuses longer ones; the e-mail form says so at the field
// before a round trip.
export const EMAIL_MAX = 254;
