import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, formatPct } from '../../app/format';
import { colourForPct } from '../map/colourScale';
import type { AcBar } from './chartShaping';

export function ByAcChart({
  data,
  lang,
  labels,
  width = 420,
  height = 260,
  onBarClick,
}: {
  data: AcBar[];
  lang: string;
  labels: { pct: string; noData: string; tooltip: (b: AcBar) => string };
  width?: number;
  height?: number;
  onBarClick?: (acNo: number) => void;
}) {
  return (
    <BarChart width={width} height={height} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" interval={data.length > 20 ? 'preserveStartEnd' : 0} />
      <YAxis domain={[0, 100]} tickFormatter={(v) => `${formatNumber(Number(v), lang)}%`} width={50} />
      <Tooltip
        formatter={(_v, _n, item) => {
          const bar = (item as { payload?: AcBar }).payload;
          return bar ? [bar.hasData ? labels.tooltip(bar) : labels.noData, labels.pct] : '';
        }}
        labelFormatter={(_l, payload) => {
          const bar = (payload?.[0] as { payload?: AcBar } | undefined)?.payload;
          return bar ? `${bar.acNo} · ${bar.name}` : '';
        }}
      />
      <Bar
        dataKey="pct"
        name={labels.pct}
        isAnimationActive={false}
        onClick={(d) => {
          const bar = (d as { payload?: AcBar }).payload;
          if (bar && onBarClick) onBarClick(bar.acNo);
        }}
      >
        {/* A Lok Sabha has at most a handful of ACs: print each value on its bar, so the printed report carries the numbers. */}
        {data.length <= 20 && (
          <LabelList dataKey="pct" position="top" fontSize={11} formatter={(v: unknown) => (typeof v === 'number' ? formatPct(v, lang) : '')} />
        )}
        {data.map((d) => (
          <Cell key={d.acNo} fill={d.hasData ? colourForPct(d.pct) : colourForPct(null)} cursor={onBarClick ? 'pointer' : undefined} />
        ))}
      </Bar>
    </BarChart>
  );
}
