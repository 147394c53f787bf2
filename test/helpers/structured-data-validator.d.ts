/** Types for @adobe/structured-data-validator, which ships none: only what the tests call. */
declare module '@adobe/structured-data-validator' {
  export default class Validator {
    constructor(schemaOrgJson?: unknown);
    validate(extracted: { jsonld?: Record<string, unknown[]> }): Promise<Array<{ issueMessage: string; severity: 'ERROR' | 'WARNING' }>>;
  }
}
