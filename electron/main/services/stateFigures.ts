import type { PcFigures } from '../../../shared/sync/protocol';
import type { StateFiguresView } from '../../../shared/ipc/syncViews';
import { MEASURE_LEVELS } from '../../../shared/domain/types';
import { listKinds } from '../db/repositories/committeeKinds';
import { rollupAllLevels } from '../db/repositories/dashboard';
import { memberGroupsByAc } from '../db/repositories/membership';
import { unitsOfLevel } from '../db/repositories/orgUnits';
import { getStateFiguresCache, getSyncDevice } from '../db/repositories/sync';
import { getCompliance } from './directives';
import { requireUser, type ServiceContext } from './context';

/**
 * The state-wide comparison: each Lok Sabha control room reports its own headline figures at every sync
 * (computed here from its rows); the sync client keeps every Lok Sabha's, as the state server last gave them.
 */
/** This Lok Sabha's headline figures from its own rows: committees of the first kind by level, members, directives. */
export function ownFigures(ctx: ServiceContext, pcNo: number): PcFigures {
  const kind = listKinds(ctx.db)[0];
  const rollup = kind ? rollupAllLevels(ctx.db, kind.id, { pcNo }) : [];
  const committees = MEASURE_LEVELS.map((level) => {
    const c = { level, expected: 0, declared: 0, verified: 0, done: 0 };
    for (const g of rollup) {
      if (g.level !== level) continue;
      c.expected += g.expected;
      c.declared += g.declared;
      c.verified += g.verified;
      c.done += g.done;
    }
    return c;
  });
  let membersClaimed = 0;
  let membersVerified = 0;
  for (const g of memberGroupsByAc(ctx.db, pcNo)) {
    membersClaimed += g.claimed;
    membersVerified += g.verified;
  }
  const { totals } = getCompliance(ctx, { scope: { type: 'pc', pcNo } });
  return {
    kindNameEn: kind?.nameEn ?? '',
    kindNameHi: kind?.nameHi ?? '',
    committees,
    membersClaimed,
    membersVerified,
    directivesTotal: totals.total,
    directivesDone: totals.done,
  };
}

export function getStateFigures(ctx: ServiceContext): StateFiguresView {
  requireUser(ctx);
  const cached = getStateFiguresCache(ctx.db);
  const device = getSyncDevice(ctx.db);
  const names = new Map(unitsOfLevel(ctx.db, 'pc').map((u) => [u.pcNo, u]));
  return {
    asOf: cached?.at ?? null,
    ownPcNo: device?.scope === 'pc' ? device.pcNo : null,
    rows: (cached?.figures ?? []).map((f) => ({ ...f, nameEn: names.get(f.pcNo)?.nameEn ?? String(f.pcNo), nameHi: names.get(f.pcNo)?.nameHi ?? String(f.pcNo) })),
  };
}
