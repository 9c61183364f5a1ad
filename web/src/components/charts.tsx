import { useId } from 'react';

/**
 * Small hand-drawn SVG charts (no library: a few hundred lines beat a 50 KB dependency for four
 * charts). Each is an image with a title and a description; the page puts a data table beside it,
 * which is the chart's full equivalent. Series differ by pattern and marker shape as well as colour.
 */

const W = 640;
const H = 260;
const PAD = { top: 16, right: 16, bottom: 48, left: 44 };
const innerW = W - PAD.left - PAD.right;
const innerH = H - PAD.top - PAD.bottom;

/** A round top for the scale and the ticks to it: 0, 5, 10 … */
function scale(max: number): { top: number; ticks: number[] } {
  const m = Math.max(1, max);
  const step =
    [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => m / s <= 6) ??
    10 ** Math.ceil(Math.log10(m));
  const top = Math.ceil(m / step) * step;
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step) };
}

function Frame({
  title,
  desc,
  ticks,
  top,
  categories,
  children,
}: {
  title: string;
  desc: string;
  ticks: number[];
  top: number;
  categories: string[];
  children: React.ReactNode;
}) {
  const id = useId();
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const band = innerW / Math.max(1, categories.length);
  // Every label fits up to seven; beyond, every other one or fewer.
  const every = Math.ceil(categories.length / 7);
  return (
    <svg
      className="app-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line className="app-chart__grid" x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
          <text className="app-chart__tick" x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
            {t}
          </text>
        </g>
      ))}
      {categories.map((c, i) =>
        i % every === 0 ? (
          <text
            key={c}
            className="app-chart__tick"
            x={PAD.left + band * (i + 0.5)}
            y={H - PAD.bottom + 18}
            textAnchor="middle"
          >
            {c}
          </text>
        ) : null,
      )}
      {children}
    </svg>
  );
}

export interface Series {
  name: string;
  /** A CSS modifier: the colour and pattern (`red`, `amber`, `planned`, …). */
  style: string;
  values: Array<number | null>;
}

/** Stacked bars, one per category, the series stacked bottom up in the order given. */
export function StackedBars({
  title,
  desc,
  categories,
  series,
}: {
  title: string;
  desc: string;
  categories: string[];
  series: Series[];
}) {
  const totals = categories.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const { top, ticks } = scale(Math.max(...totals, 1));
  const band = innerW / Math.max(1, categories.length);
  const barW = Math.min(56, band * 0.6);
  const h = (v: number) => (v / top) * innerH;
  return (
    <Frame title={title} desc={desc} ticks={ticks} top={top} categories={categories}>
      {categories.map((c, i) => {
        let base = PAD.top + innerH;
        const x = PAD.left + band * (i + 0.5) - barW / 2;
        return (
          <g key={c}>
            {series.map((s) => {
              const v = s.values[i] ?? 0;
              if (!v) return null;
              base -= h(v);
              return (
                <g key={s.name}>
                  <rect
                    className={`app-chart__bar app-chart__bar--${s.style}`}
                    x={x}
                    y={base}
                    width={barW}
                    height={h(v)}
                  />
                  {h(v) >= 14 ? (
                    <text
                      className="app-chart__label"
                      x={x + barW / 2}
                      y={base + h(v) / 2 + 4}
                      textAnchor="middle"
                    >
                      {v}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        );
      })}
    </Frame>
  );
}

const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;

function Marker({ kind, x, y, cls }: { kind: (typeof MARKERS)[number]; x: number; y: number; cls: string }) {
  if (kind === 'circle') return <circle className={cls} cx={x} cy={y} r={4} />;
  if (kind === 'square') return <rect className={cls} x={x - 4} y={y - 4} width={8} height={8} />;
  const pts =
    kind === 'triangle'
      ? `${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}`
      : `${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`;
  return <polygon className={cls} points={pts} />;
}

/** Lines, one per series, each with its own marker shape and dash; a gap where a value is missing. */
export function Lines({
  title,
  desc,
  categories,
  series,
}: {
  title: string;
  desc: string;
  categories: string[];
  series: Series[];
}) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { top, ticks } = scale(Math.max(...all, 1));
  const band = innerW / Math.max(1, categories.length);
  const x = (i: number) => PAD.left + band * (i + 0.5);
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  return (
    <Frame title={title} desc={desc} ticks={ticks} top={top} categories={categories}>
      {series.map((s, n) => {
        const segments: string[] = [];
        let d = '';
        s.values.forEach((v, i) => {
          if (v === null) {
            if (d) segments.push(d);
            d = '';
          } else d += `${d ? 'L' : 'M'}${x(i)},${y(v)}`;
        });
        if (d) segments.push(d);
        const cls = `app-chart__line app-chart__line--${s.style}`;
        return (
          <g key={s.name}>
            {segments.map((p) => (
              <path key={p} className={cls} d={p} />
            ))}
            {s.values.map((v, i) =>
              v === null ? null : (
                <Marker
                  key={categories[i]}
                  kind={MARKERS[n % MARKERS.length]!}
                  x={x(i)}
                  y={y(v)}
                  cls={`app-chart__marker app-chart__marker--${s.style}`}
                />
              ),
            )}
          </g>
        );
      })}
    </Frame>
  );
}

/** The key to a chart's series: each swatch shows the colour, pattern and marker the chart uses. */
export function Legend({ series, lines }: { series: Series[]; lines?: boolean }) {
  return (
    <ul className="app-chart-legend">
      {series.map((s, n) => (
        <li key={s.name}>
          <svg
            width="28"
            height="14"
            viewBox="0 0 28 14"
            className="app-chart-legend__swatch"
            aria-hidden="true"
          >
            {lines ? (
              <>
                <path className={`app-chart__line app-chart__line--${s.style}`} d="M0,7L28,7" />
                <Marker
                  kind={MARKERS[n % MARKERS.length]!}
                  x={14}
                  y={7}
                  cls={`app-chart__marker app-chart__marker--${s.style}`}
                />
              </>
            ) : (
              <rect
                className={`app-chart__bar app-chart__bar--${s.style}`}
                x={0}
                y={0}
                width={28}
                height={14}
              />
            )}
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}
