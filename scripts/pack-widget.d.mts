/** Packs dist/widget-package/ into dist/poort-login-chooser-<version>.tgz; returns its path and the files in it. */
export function packWidget(): { tarball: string; files: string[] };
