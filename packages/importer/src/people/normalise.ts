export const normaliseName = (s: string) => s.toLowerCase().trim();
export const normaliseRoleLabel = normaliseName;
