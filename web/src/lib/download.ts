import { apiFetch } from './api.js';

/** The file name a response offers (`Content-Disposition: attachment; filename="…"`), else `fallback`. */
export function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (star) return decodeURIComponent(star);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * Fetches a document from the API with the person's token and saves it as the file the API names: the
 * browser's own download, one click, nothing left in memory afterwards.
 */
export async function downloadFromApi(
  path: string,
  query: Record<string, string>,
  fallback: string,
): Promise<string> {
  const response = await apiFetch(path, query);
  const filename = filenameOf(response, fallback);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return filename;
}
