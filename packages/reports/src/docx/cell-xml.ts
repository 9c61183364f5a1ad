import type { IContext, IXmlableObject } from 'docx';
import { ShadingType, TableCell, WidthType } from 'docx';
import { xmlSafe } from '../text.js';
import { paragraphs } from './blocks.js';

/**
 * Table cells. A 500-action report has about 6,000, and building each one from docx components (cell,
 * properties, width, shading, paragraph, run, text: a dozen objects, each then walked to write it) was
 * most of the time a DOCX took (profiled with `node --cpu-prof`). So the library writes one cell of
 * each kind (width × tint × bold) with its own components (`tableCell`), and every other body cell of
 * that kind is that XML with its own text put in (`cellXml`): what Word reads is what the components
 * write, byte for byte (the golden files in `testing/golden` check it).
 */

/** A cell's look: its width in twentieths of a point, its tint (if any) and whether its text is bold. */
export interface CellKind {
  width: number;
  fill?: string;
  bold?: boolean;
}

/** A cell made of docx components. */
export function tableCell(text: string, kind: CellKind): TableCell {
  return new TableCell({
    children: paragraphs(text, kind.bold),
    width: { size: kind.width, type: WidthType.DXA },
    ...(kind.fill && { shading: { type: ShadingType.CLEAR, fill: kind.fill, color: 'auto' } }),
  });
}

type Step = string | number;
type Node = unknown;

/** Stands for a cell's text while the library writes a cell of its kind: private use, never in real text. */
const MARK = '\uE000';

function pathTo(node: Node, path: Step[] = []): Step[] | undefined {
  if (node === MARK) return path;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const found = pathTo(node[i], [...path, i]);
      if (found) return found;
    }
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      const found = pathTo(v, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}

/** A copy of `node` with `text` at `path`; what is off the path is shared, as the writer only reads it. */
function withText(node: Node, path: Step[], text: string, depth = 0): Node {
  if (depth === path.length) return text;
  const step = path[depth]!;
  const copy = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Record<Step, Node>;
  copy[step] = withText((node as Record<Step, Node>)[step], path, text, depth + 1);
  return copy;
}

/** One kind of cell as the library writes it: its properties, and a paragraph to put each line in. */
class CellTemplate {
  private readonly properties: Node;
  private readonly paragraph: Node;
  private readonly textPath: Step[];

  constructor(kind: CellKind, context: IContext) {
    const cell = tableCell(MARK, kind).prepForXml(context);
    const children = cell?.['w:tc'];
    const textPath = Array.isArray(children) && children.length === 2 ? pathTo(children[1]) : undefined;
    if (!textPath) throw new Error('docx wrote a table cell in an unexpected shape');
    [this.properties, this.paragraph] = children as [Node, Node];
    this.textPath = textPath;
  }

  /** User text: one paragraph per line so narratives keep their breaks. */
  write(text: string): IXmlableObject {
    const lines = xmlSafe(text).split(/\r?\n/);
    return {
      'w:tc': [this.properties, ...lines.map((line) => withText(this.paragraph, this.textPath, line))],
    };
  }
}

/** Each document's templates, made the first time a cell of their kind is written into it. */
const templatesOf = new WeakMap<object, Map<string, CellTemplate>>();

export function cellXml(text: string, kind: CellKind, context: IContext): IXmlableObject {
  let templates = templatesOf.get(context.file);
  if (!templates) {
    templates = new Map();
    templatesOf.set(context.file, templates);
  }
  const key = `${kind.width}|${kind.fill ?? ''}|${kind.bold ? 'b' : ''}`;
  let template = templates.get(key);
  if (!template) {
    template = new CellTemplate(kind, context);
    templates.set(key, template);
  }
  return template.write(text);
}
