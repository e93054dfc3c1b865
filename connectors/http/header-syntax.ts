/** A header name as RFC 9110 §5.1 allows it: a token. */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * What Node.js accepts in a header value: tab, visible ASCII, space and obs-text; never CR, LF,
 * NUL or another control character, which HTTP forbids in a field value (RFC 9110 §5.5).
 */
export const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
