import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatNumber } from '../../app/format';
import type { HistoryPoint } from './chartShaping';
import { STATUS_COLOURS } from './StatusByLevelChart';

export function HistoryChart({
  data,
  lang,
  labels,
  width = 420,
  height = 260,
}: {
  data: HistoryPoint[];
  lang: string;
  labels: { declared: string; verified: string };
  width?: number;
  height?: number;
}) {
  const fmt = (v: unknown) => formatNumber(Number(v), lang);
  return (
    <LineChart width={width} height={height} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="date" tickFormatter={(d) => formatDate(String(d), lang)} minTickGap={24} />
      <YAxis tickFormatter={fmt} width={60} />
      <Tooltip formatter={fmt} labelFormatter={(d) => formatDate(String(d), lang)} />
      <Legend itemSorter={null} />
      <Line type="monotone" dataKey="declared" name={labels.declared} stroke={STATUS_COLOURS.declared} dot={false} isAnimationActive={false} />
      <Line type="monotone" dataKey="verified" name={labels.verified} stroke={STATUS_COLOURS.verified} dot={false} isAnimationActive={false} />
    </LineChart>
  );
}
