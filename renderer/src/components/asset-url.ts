/** Images named in the program file: https URLs as they are, relative paths served next to the board. */
export function assetUrl(path: string): string {
  if (/^https:\/\//i.test(path)) return path;
  return `program-files/${path.split('/').map(encodeURIComponent).join('/')}`;
}
