// Types for scripts/build-if-stale.mjs, which stays plain JavaScript so that it runs before any build.
export function staleReason(root: string): string | null;
