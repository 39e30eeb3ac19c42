// Generated from package.json by scripts/write-version.mjs (npm run build): do not edit.

/** Tool name and version, recorded in every audit record and manifest. */
export const TOOL = { name: 'declass', version: '0.1.0' } as const;
