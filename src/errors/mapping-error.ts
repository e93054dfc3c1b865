import { MillwrightError } from './millwright-error.js';

/**
 * Why a mapping failed:
 * - `UNMAPPED_CODE`: a code map has no entry for a code and its policy is `'error'`.
 * - `CODE_CONFLICT`: the rows given to a code map contradict each other (found when it is built).
 * - `INVALID_CODE_MAP`: a code map's definition is malformed (bad CSV, empty code...).
 * - `INVALID_SOURCE_DATA`: a source record (an IDoc segment, an OData entity, a REST body)
 *   holds a value that cannot be mapped to the canonical object.
 */
export type MappingErrorCode = 'UNMAPPED_CODE' | 'CODE_CONFLICT' | 'INVALID_CODE_MAP' | 'INVALID_SOURCE_DATA';

/** Where and what failed to map; every field is optional and none is secret. */
export interface MappingErrorDetails {
  /** The code domain, e.g. `workorder-status` or `movement-type`. */
  readonly domain?: string;
  /** The system whose code it is, e.g. `sap-s4-prd` or `mes-de01`. */
  readonly system?: string;
  /** The source code or value that failed. */
  readonly value?: string;
  /** The canonical code involved, when mapping back from canonical. */
  readonly canonical?: string;
  /**
   * Where in the source the value stands: a JSON Pointer, an IDoc `SEGMENT/FIELD` path, or a
   * CSV `line:column`.
   */
  readonly location?: string;
}

/**
 * Data or a code could not be mapped between a system's representation and the canonical one.
 * Part of the "data was rejected" family, like {@link ValidationError}.
 * @example
 * throw new MappingError('UNMAPPED_CODE', 'no canonical status for ZREL', { domain: 'workorder-status', system: 'mes-de01', value: 'ZREL' });
 */
export class MappingError extends MillwrightError<MappingErrorCode> {
  /** The code domain, e.g. `workorder-status`. */
  readonly domain: string | undefined;
  /** The system whose code it is. */
  readonly system: string | undefined;
  /** The source code or value that failed. */
  readonly value: string | undefined;
  /** The canonical code involved. */
  readonly canonical: string | undefined;
  /** Where in the source the value stands. */
  readonly location: string | undefined;

  /**
   * @param code - why the mapping failed.
   * @param message - human-readable text; it must not contain a secret.
   * @param details - what and where.
   * @param options - `cause`: a wrapped lower error.
   */
  constructor(
    code: MappingErrorCode,
    message: string,
    details: MappingErrorDetails = {},
    options?: { readonly cause?: unknown },
  ) {
    super(code, message, options);
    this.domain = details.domain;
    this.system = details.system;
    this.value = details.value;
    this.canonical = details.canonical;
    this.location = details.location;
  }

  override get name(): string {
    return 'MappingError';
  }

  protected override jsonDetails(): Record<string, unknown> {
    const { domain, system, value, canonical, location } = this;
    return { domain, system, value, canonical, location };
  }
}
