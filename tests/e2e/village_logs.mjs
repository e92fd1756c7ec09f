// Years of 驻村日志 as the app exports them, for the large-backup story and the benchmark:
// entry i is dated in month 1 + i % 11, names village i % 4 and writer i % 40; every tenth
// raised a problem and every twentieth was settled.
import { randomUUID } from 'node:crypto';

export const VILLAGES = ['李家村', '王家湾村', '张庄社区', '河口村'];

export function logFile(n) {
  const at = new Date().toISOString();
  const village_logs = Array.from({ length: n }, (_, i) => ({
    meta: { id: randomUUID(), created_at: at, updated_at: at, rev: 1, versions: { cadre1: 1 } },
    writer: { name: `驻村干部${i % 40}`, unit: '党政办' },
    date: `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    village: VILLAGES[i % 4], role: 'messenger', done: `走访农户${i % 9}户，宣传政策，了解生产生活情况。`,
    reached: i % 12, problems: i % 10 === 0 ? '道路破损需要维修' : '', follow_up: '', settled: i % 20 === 0, deleted: false,
  }));
  return JSON.stringify({
    format: 'zuofeng', format_version: 1, min_app_version: '0.1.0', app_version: '0.1.0', kind: 'backup',
    exported_by: { name: '驻村干部', unit: '党政办', post: '', device_id: 'cadre1' }, exported_at: at, records: { village_logs },
  });
}
