export function checkArchive(_buf: Buffer): void {}
