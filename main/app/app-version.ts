/**
 * The version every bench-log record and journal session carries. Kept as a constant (the bundles in dist/
 * cannot read package.json at a path that holds in a packaged app); a test keeps it equal to package.json.
 */
export const APP_VERSION = '0.1.0';
