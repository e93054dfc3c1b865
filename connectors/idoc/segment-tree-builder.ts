// Rebuilds the segment tree of one IDoc from its data records, in the order the issue and SAP's
// own semantics require: the schema first (HLEVEL is the definition level, not the depth, so
// ORDERS05 has top-level segments at levels 01 and 02), then PSGNUM, and HLEVEL only when
// neither is available.
import { IdocError } from '../../src/errors/idoc-error.js';
import type { CompiledSchema, CompiledSegment } from './compile-schema.js';
import type { IdocWarningCode, Segment } from './idoc.js';

/** A placed segment that may receive children. */
interface Frame {
  readonly segment: Segment;
  readonly compiled: CompiledSegment | undefined;
  readonly level: number;
  readonly parent: Frame | undefined;
  /** Children counted by type, for LOOPMAX; built on first use. */
  counts?: Map<string, number>;
}

/** Where a record came from, for errors and warnings. */
export interface RecordContext {
  readonly docnum: string;
  readonly segnum: string;
  readonly segnam: string;
  readonly offset: number;
}

/** Receives a warning; the builder reports each code once per segment type. */
export type WarningSink = (code: IdocWarningCode, message: string, context: RecordContext) => void;

export class SegmentTreeBuilder {
  /** The top-level segments. */
  readonly roots: Segment[] = [];
  private top: Frame | undefined;
  private rootCounts: Map<string, number> | undefined;
  private bySegnum: Map<string, Frame> | undefined;

  /**
   * @param schema - the schema of the IDoc type, if any.
   * @param docnum - the IDoc number, for errors and warnings.
   * @param warn - receives what the builder tolerated.
   */
  constructor(
    private readonly schema: CompiledSchema | undefined,
    private readonly docnum: string,
    private readonly warn: WarningSink,
  ) {}

  /**
   * Places one segment, read from a data record, under its parent: by the schema, else by PSGNUM,
   * else by HLEVEL (both taken from `segment.record`, checked numeric or blank).
   * @param compiled - its definition, when the schema knows the segment.
   * @param offset - the byte offset of the record, for errors.
   */
  place(segment: Segment, compiled: CompiledSegment | undefined, offset: number): void {
    if (compiled !== undefined && this.placeBySchema(segment, compiled, offset)) return;
    const context = this.contextOf(segment, offset);
    const psgnum = segment.record?.psgnum ?? '';
    const hlevel = segment.record?.hlevel ?? '';
    if (psgnum !== '') {
      if (compiled !== undefined) {
        this.warn(
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

  private contextOf(segment: Segment, offset: number): RecordContext {
    return {
      docnum: this.docnum,
      segnum: segment.segnum,
      segnam: segment.record?.segnam ?? segment.name,
      offset,
    };
  }

  /** Searches the open segments, innermost first, for one whose definition allows this segment. */
  private placeBySchema(segment: Segment, compiled: CompiledSegment, offset: number): boolean {
    const type = compiled.type;
    let full: { readonly parent: Frame | undefined; readonly definition: CompiledSegment } | undefined;
    for (let frame = this.top; frame !== undefined; frame = frame.parent) {
      const child = frame.compiled?.children.get(type);
      if (child === undefined) continue;
      if (isUnbounded(child) || this.count(frame, type) < child.definition.maxOccurs) {
        this.attach(segment, child, child.definition.level, frame);
        return true;
      }
      full ??= { parent: frame, definition: child };
    }
    const root = this.schema?.roots.get(type);
    if (root !== undefined) {
      if (isUnbounded(root) || this.count(undefined, type) < root.definition.maxOccurs) {
        this.attach(segment, root, root.definition.level, undefined);
        return true;
      }
      full ??= { parent: undefined, definition: root };
    }
    if (full === undefined) return false;
    const { parent, definition } = full;
    this.warn(
      'LOOP_MAX_EXCEEDED',
      `${type} occurs more than ${definition.definition.maxOccurs} times`,
      this.contextOf(segment, offset),
    );
    this.attach(segment, definition, definition.definition.level, parent);
    return true;
  }

  private placeByPsgnum(
    segment: Segment,
    compiled: CompiledSegment | undefined,
    psgnum: string,
    hlevel: string,
    context: RecordContext,
  ): void {
    let parent: Frame | undefined;
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
    const definition = compiled ?? parent?.compiled?.children.get(segment.name);
    this.attach(segment, definition, levelOf(definition, hlevel, parent), parent);
  }

  private placeByHlevel(segment: Segment, level: number, context: RecordContext): void {
    this.warn('HIERARCHY_FROM_HLEVEL', 'the tree was rebuilt from HLEVEL, which is ambiguous', context);
    let parent = this.top;
    while (parent !== undefined && parent.level >= level) parent = parent.parent;
    this.attach(segment, undefined, level, parent);
  }

  private placeAfterKnown(segment: Segment, context: RecordContext): void {
    let parent = this.top;
    while (parent !== undefined && parent.compiled === undefined) parent = parent.parent;
    if (parent !== undefined) {
      this.warn('HIERARCHY_GUESSED', `${context.segnam} was attached to the segment before it`, context);
    }
    this.attach(segment, undefined, (parent?.level ?? 0) + 1, parent);
  }

  private attach(
    segment: Segment,
    compiled: CompiledSegment | undefined,
    level: number,
    parent: Frame | undefined,
  ) {
    if (parent === undefined) this.roots.push(segment);
    else parent.segment.children.push(segment);
    const counts = parent === undefined ? this.rootCounts : parent.counts;
    if (counts !== undefined) counts.set(segment.name, (counts.get(segment.name) ?? 0) + 1);
    const frame: Frame = { segment, compiled, level, parent };
    this.top = frame;
    if (this.bySegnum !== undefined && segment.segnum !== '') this.bySegnum.set(segment.segnum, frame);
  }

  /** How many children of a type a frame (or the root, for undefined) has. */
  private count(frame: Frame | undefined, type: string): number {
    let counts = frame === undefined ? this.rootCounts : frame.counts;
    if (counts === undefined) {
      counts = new Map();
      for (const child of frame === undefined ? this.roots : frame.segment.children) {
        counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
      }
      if (frame === undefined) this.rootCounts = counts;
      else frame.counts = counts;
    }
    return counts.get(type) ?? 0;
  }

  /** Segments by SEGNUM, for PSGNUM; built from the tree on first use, then kept up to date. */
  private index(): Map<string, Frame> {
    if (this.bySegnum !== undefined) return this.bySegnum;
    const index = new Map<string, Frame>();
    // The open segments keep their frames (and LOOPMAX counts); closed ones get new frames.
    const open = new Map<Segment, Frame>();
    for (let frame = this.top; frame !== undefined; frame = frame.parent) open.set(frame.segment, frame);
    const visit = (segments: readonly Segment[], parent: Frame | undefined) => {
      for (const segment of segments) {
        const compiled =
          parent === undefined
            ? this.schema?.roots.get(segment.name)
            : parent.compiled?.children.get(segment.name);
        const frame: Frame = open.get(segment) ?? {
          segment,
          compiled,
          level: levelOf(compiled, segment.record?.hlevel ?? '', parent),
          parent,
        };
        if (segment.segnum !== '') index.set(segment.segnum, frame);
        visit(segment.children, frame);
      }
    };
    visit(this.roots, undefined);
    this.bySegnum = index;
    return index;
  }
}

/**
 * Whether LOOPMAX is too large to matter when choosing a parent (9999 and more, as SAP writes
 * "many"); such segments are not counted, which keeps long IDocs fast.
 */
function isUnbounded(segment: CompiledSegment): boolean {
  return segment.definition.maxOccurs >= 9999;
}

function levelOf(compiled: CompiledSegment | undefined, hlevel: string, parent: Frame | undefined): number {
  if (compiled !== undefined) return compiled.definition.level;
  return hlevel !== '' ? Number(hlevel) : (parent?.level ?? 0) + 1;
}
