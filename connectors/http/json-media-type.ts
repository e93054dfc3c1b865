/** `application/json` and every `application/…+json` type (merge-patch, problem, cloudevents…), with parameters. */
export const JSON_MEDIA_TYPE = /^\s*application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
