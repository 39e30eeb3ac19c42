/** Tool name and version, recorded in every audit record. Keep in step with package.json. */
export const TOOL = { name: 'declass', version: '0.1.0' } as const;
