/**
 * Programs and exports come from a file or a web address. One test for which
 * it is, and one wording for why fetching one failed, whichever command says it.
 */

/** True for an http(s) address; anything else is a file path. */
export function isHttpUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** Why a fetch failed, in words a technician can act on ("connection refused", "no answer within 20 s"). */
export function fetchProblem(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running and the port right?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found (check the address)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the server closed the connection';
  }
  return cause?.message ?? cause?.code ?? (error instanceof Error ? error.message : String(error));
}
