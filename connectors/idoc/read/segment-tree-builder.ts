// Rebuilds the segment tree of one IDoc from its data records, in the order the issue and SAP's
// own semantics require: the schema first (HLEVEL is the definition level, not the depth, so
// ORDERS05 has top-level segments at levels 01 and 02 side by side), then PSGNUM, and HLEVEL only
// when neither is available. The open segments are the chain of parents of the last one placed.
import { IdocError, type IdocErrorDetails } from '../../../src/errors/idoc-error.js';
import type { FlatSegment } from '../flat/flat-segment.js';
import type { IdocWarningCode, Segment } from '../idoc.js';
import type { CompiledSchema, CompiledSegment } from '../schema/compile-schema.js';

/**
 * The deepest a segment may sit in the tree of an IDoc, its top-level segments being at depth 1.
 * HLEVEL has two digits, so no IDoc SAP writes nests deeper; the limit also keeps the recursive
 * code that walks segment trees (writers, JSON.stringify) within the call stack.
 */
export const MAX_SEGMENT_DEPTH = 99;

/**
 * Checks the depth of a segment in its tree, for the reader and for writers given a tree built
 * in code.
 * @param depth - 1 for a top-level segment.
 * @throws {IdocError} code `BAD_HIERARCHY` when `depth` exceeds {@link MAX_SEGMENT_DEPTH}.
 */
export function assertSegmentDepth(depth: number, where: IdocErrorDetails): void {
  if (depth > MAX_SEGMENT_DEPTH) {
    throw new IdocError(
      'BAD_HIERARCHY',
      `segment ${where.segment ?? ''} would sit more than ${MAX_SEGMENT_DEPTH} levels deep; IDocs nest at most ${MAX_SEGMENT_DEPTH} levels (HLEVEL has two digits)`,
      where,
    );
  }
}

/** Where a record came from, for errors and warnings. */
export interface RecordContext {
  readonly docnum: string;
  readonly segnum: string;
  readonly segnam: string;
  readonly offset: number;
}

/** Receives the builder's warnings (it keeps each code once per segment type). */
export interface WarningSink {
  warn(code: IdocWarningCode, message: string, context: RecordContext): void;
}

/** Places the segments of one IDoc in their tree: by the schema, else PSGNUM, else HLEVEL. */
export class SegmentTreeBuilder {
  /** The top-level segments. */
  readonly roots: Segment[] = [];
  /** The segment placed last; its parents are the open segments. */
  private top: FlatSegment | undefined;
  /** Whether `top` was placed by the schema (its layout is the definition at its position). */
  private topBySchema = false;
  /** How deep `top` sits: 1 for a top-level segment. */
  private topDepth = 0;
  private rootCounts: Map<string, number> | undefined;
  private bySegnum: Map<string, FlatSegment> | undefined;

  /**
   * @param schema - the schema of the IDoc type, if any.
   * @param docnum - the IDoc number, for errors and warnings.
   * @param warnings - receives what the builder tolerated.
   */
  constructor(
    private readonly schema: CompiledSchema | undefined,
    private readonly docnum: string,
    private readonly warnings: WarningSink,
  ) {}

  /**
   * Places one segment, read from a data record, under its parent: by the schema, else by
   * PSGNUM, else by HLEVEL (both checked numeric or blank by the assembler).
   * @param compiled - its definition, when the schema knows the segment.
   * @param offset - the byte offset of the record, for errors.
   * @throws {IdocError} `BAD_HIERARCHY` when PSGNUM names no earlier segment, when the schema
   *   allows the segment under no open segment and PSGNUM is blank, or when the segment would sit
   *   deeper than {@link MAX_SEGMENT_DEPTH} levels; with the DOCNUM, SEGNUM, segment and offset.
   */
  place(segment: FlatSegment, compiled: CompiledSegment | undefined, offset: number): void {
    if (compiled !== undefined && this.placeBySchema(segment, compiled, offset)) return;
    const context = this.contextOf(segment, offset);
    const psgnum = segment.psgnum;
    const hlevel = segment.hlevel;
    if (psgnum !== '') {
      if (compiled !== undefined) {
        this.warnings.warn(
          'SCHEMA_MISMATCH',
          `${segment.name} is not allowed here by the schema; PSGNUM was followed`,
          context,
        );
      }
      this.placeByPsgnum(segment, compiled, psgnum, hlevel, context);
      return;
    }
    if (compiled !== undefined) {
      throw new IdocError(
        'BAD_HIERARCHY',
        `segment ${context.segnam} cannot occur here: the schema allows it under no open segment and PSGNUM is blank`,
        { docnum: context.docnum, segnum: context.segnum, segment: context.segnam, offset: context.offset },
      );
    }
    if (hlevel !== '') this.placeByHlevel(segment, Number(hlevel), context);
    else this.placeAfterKnown(segment, context);
  }

  private contextOf(segment: FlatSegment, offset: number): RecordContext {
    return { docnum: this.docnum, segnum: segment.segnum, segnam: segment.segnam, offset };
  }

  /** Searches the open segments, innermost first, for one whose definition allows this segment. */
  private placeBySchema(segment: FlatSegment, compiled: CompiledSegment, offset: number): boolean {
    const type = compiled.type;
    // The usual case first: another of the segment just placed, which can have no children.
    const top = this.top;
    const sibling = top?.layout;
    if (
      this.topBySchema &&
      top?.name === type &&
      sibling !== undefined &&
      sibling.children.size === 0 &&
      isUnbounded(sibling)
    ) {
      this.attach(segment, sibling, sibling.definition.level, top.parent, offset);
      this.topBySchema = true;
      return true;
    }
    let fullParent: FlatSegment | undefined;
    let full: CompiledSegment | undefined;
    for (let open = this.top; open !== undefined; open = open.parent) {
      const child = open.layout?.children.get(type);
      if (child === undefined) continue;
      if (isUnbounded(child) || open.countChildren(type) < child.definition.maxOccurs) {
        this.attach(segment, child, child.definition.level, open, offset);
        this.topBySchema = true;
        return true;
      }
      if (full === undefined) {
        full = child;
        fullParent = open;
      }
    }
    const root = this.schema?.roots.get(type);
    if (root !== undefined) {
      if (isUnbounded(root) || this.countRoots(type) < root.definition.maxOccurs) {
        this.attach(segment, root, root.definition.level, undefined, offset);
        this.topBySchema = true;
        return true;
      }
      if (full === undefined) {
        full = root;
        fullParent = undefined;
      }
    }
    if (full === undefined) return false;
    this.warnings.warn(
      'LOOP_MAX_EXCEEDED',
      `${type} occurs more than ${full.definition.maxOccurs} times`,
      this.contextOf(segment, offset),
    );
    this.attach(segment, full, full.definition.level, fullParent, offset);
    this.topBySchema = true;
    return true;
  }

  private placeByPsgnum(
    segment: FlatSegment,
    compiled: CompiledSegment | undefined,
    psgnum: string,
    hlevel: string,
    context: RecordContext,
  ): void {
    let parent: FlatSegment | undefined;
    if (Number(psgnum) !== 0) {
      parent = this.index().get(psgnum);
      if (parent === undefined) {
        throw new IdocError('BAD_HIERARCHY', `PSGNUM ${psgnum} refers to no earlier segment`, {
          docnum: context.docnum,
          segnum: context.segnum,
          segment: context.segnam,
          field: 'PSGNUM',
          offset: context.offset,
        });
      }
    }
    const definition = compiled ?? parent?.layout?.children.get(segment.name);
    const level = definition !== undefined ? definition.definition.level : levelOf(hlevel, parent);
    this.attach(segment, definition, level, parent, context.offset);
  }

  private placeByHlevel(segment: FlatSegment, level: number, context: RecordContext): void {
    this.warnings.warn(
      'HIERARCHY_FROM_HLEVEL',
      'the tree was rebuilt from HLEVEL, which is ambiguous',
      context,
    );
    let parent = this.top;
    while (parent !== undefined && parent.level >= level) parent = parent.parent;
    this.attach(segment, undefined, level, parent, context.offset);
  }

  private placeAfterKnown(segment: FlatSegment, context: RecordContext): void {
    let parent = this.top;
    while (parent !== undefined && parent.layout === undefined) parent = parent.parent;
    if (parent !== undefined) {
      this.warnings.warn(
        'HIERARCHY_GUESSED',
        `${context.segnam} was attached to the segment before it`,
        context,
      );
    }
    this.attach(segment, undefined, (parent?.level ?? 0) + 1, parent, context.offset);
  }

  private attach(
    segment: FlatSegment,
    compiled: CompiledSegment | undefined,
    level: number,
    parent: FlatSegment | undefined,
    offset: number,
  ): void {
    const depth = this.depthUnder(parent);
    if (depth > MAX_SEGMENT_DEPTH) {
      const context = this.contextOf(segment, offset);
      assertSegmentDepth(depth, {
        docnum: context.docnum,
        segnum: context.segnum,
        segment: context.segnam,
        offset: context.offset,
      });
    }
    if (parent === undefined) {
      this.roots.push(segment);
      const counts = this.rootCounts;
      if (counts !== undefined) counts.set(segment.name, (counts.get(segment.name) ?? 0) + 1);
    } else parent.adopt(segment);
    segment.place(parent, compiled, level);
    this.top = segment;
    this.topBySchema = false;
    this.topDepth = depth;
    if (this.bySegnum !== undefined) {
      const segnum = segment.segnum;
      if (segnum !== '') this.bySegnum.set(segnum, segment);
    }
  }

  /**
   * How deep a segment placed under `parent` sits; past {@link MAX_SEGMENT_DEPTH} the count
   * stops. Most segments go under the last one placed or next to it, whose depth is known.
   */
  private depthUnder(parent: FlatSegment | undefined): number {
    if (parent === undefined) return 1;
    const top = this.top;
    if (parent === top) return this.topDepth + 1;
    if (parent === top?.parent) return this.topDepth;
    let depth = 1;
    for (let open: FlatSegment | undefined = parent; open !== undefined; open = open.parent) {
      depth += 1;
      if (depth > MAX_SEGMENT_DEPTH) break;
    }
    return depth;
  }

  private countRoots(type: string): number {
    if (this.rootCounts === undefined) {
      this.rootCounts = new Map();
      for (const root of this.roots)
        this.rootCounts.set(root.name, (this.rootCounts.get(root.name) ?? 0) + 1);
    }
    return this.rootCounts.get(type) ?? 0;
  }

  /** Segments by SEGNUM, for PSGNUM; built from the segments placed so far on first use. */
  private index(): Map<string, FlatSegment> {
    if (this.bySegnum === undefined) {
      const index = new Map<string, FlatSegment>();
      const visit = (segments: readonly Segment[]): void => {
        for (const segment of segments) {
          if (segment.segnum !== '') index.set(segment.segnum, segment as FlatSegment);
          visit(segment.children);
        }
      };
      visit(this.roots);
      this.bySegnum = index;
    }
    return this.bySegnum;
  }
}

/**
 * Whether LOOPMAX is too large to matter when choosing a parent (9999 and more, as SAP writes
 * "many"); such segments are not counted, which keeps long IDocs fast.
 */
function isUnbounded(segment: CompiledSegment): boolean {
  return segment.definition.maxOccurs >= 9999;
}

function levelOf(hlevel: string, parent: FlatSegment | undefined): number {
  return hlevel !== '' ? Number(hlevel) : (parent?.level ?? 0) + 1;
}
