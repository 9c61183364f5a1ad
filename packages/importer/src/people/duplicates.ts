export interface DuplicateGroup {
  labels: string[];
  reason: string;
}
export function duplicateGroups(_labels: string[]): DuplicateGroup[] {
  return [];
}
