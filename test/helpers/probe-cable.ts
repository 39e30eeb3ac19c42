/**
 * The SECRET Paris cable the probes' label and indent cases are written into (probes 61c, 61d):
 * routing, an E.O. line with a 2038 DECL, a Classified By line, a first paragraph of the given mark
 * holding ZQONE (withheld, so the document is not released in full), then the case's body and a
 * signature.
 */
export function probeCableHead(firstMark: string): string {
  return `R 110117Z OCT 08
FM AMEMBASSY PARIS
TO SECSTATE WASHDC
S E C R E T PARIS 001234
E.O. 12958: DECL: 10/10/2038
TAGS: PREL FR
SUBJECT: TALKS

CLASSIFIED BY: POLCOUNS JOHN DOE, REASONS 1.4 (B) AND (D).

1. ${firstMark} ZQONE summary text.

`;
}

/** The whole cable: {@link probeCableHead}, `body`, the signature. */
export function probeCable(firstMark: string, body: string): string {
  return `${probeCableHead(firstMark)}${body}\n\nSMITH\n`;
}
