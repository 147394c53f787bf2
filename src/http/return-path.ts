/** A path on this site to send the browser back to; anything else (another host, a scheme) is ignored. */
export function safeReturnPath(value: string | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/[\u0000-\u001f]/.test(value)) return null;
  return value.split('#')[0]!;
}

