import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../app/format';
import type { StatusBar } from './chartShaping';

export const STATUS_COLOURS = { notFormed: '#c8c8c8', declared: '#f0a202', verified: '#1a9641' } as const;

export function StatusByLevelChart({
  data,
  lang,
  labels,
  width = 420,
  height = 260,
}: {
  data: StatusBar[];
  lang: string;
  labels: { level: (l: string) => string; notFormed: string; declared: string; verified: string };
  width?: number;
  height?: number;
}) {
  const fmt = (v: unknown) => formatNumber(Number(v), lang);
  return (
    <BarChart width={width} height={height} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="level" tickFormatter={labels.level} />
      <YAxis tickFormatter={fmt} width={60} />
      <Tooltip formatter={fmt} labelFormatter={(l) => labels.level(String(l))} />
      <Legend itemSorter={null} />
      <Bar dataKey="notFormed" name={labels.notFormed} stackId="s" fill={STATUS_COLOURS.notFormed} isAnimationActive={false} />
      <Bar dataKey="declared" name={labels.declared} stackId="s" fill={STATUS_COLOURS.declared} isAnimationActive={false} />
      <Bar dataKey="verified" name={labels.verified} stackId="s" fill={STATUS_COLOURS.verified} isAnimationActive={false} />
    </BarChart>
  );
}
