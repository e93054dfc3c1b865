/**
 * Finds the `rel="next"` target in a `Link` header (RFC 8288), as GitHub, GitLab and many
 * REST APIs page their collections: `<https://api.example/items?page=2>; rel="next"`.
 *
 * @param header - the `Link` header value(s), or undefined.
 * @returns the next page's URI-reference as written (maybe relative), or undefined at the end.
 * @example
 * findNextLink('<https://api.example/x?page=3>; rel="next", <https://api.example/x?page=9>; rel="last"');
 * // 'https://api.example/x?page=3'
 */
export function findNextLink(header: string | readonly string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const text = typeof header === 'string' ? header : header.join(', ');
  // Each link value: <target> followed by parameters up to the next "<" outside quotes.
  for (const match of text.matchAll(/<([^>]*)>((?:[^<"]|"[^"]*")*)/g)) {
    const relation = /(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? '');
    const relations = (relation?.[1] ?? relation?.[2] ?? '').toLowerCase().split(/\s+/);
    if (relations.includes('next')) return match[1];
  }
  return undefined;
}
