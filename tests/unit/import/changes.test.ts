/**
 * What exports say about changes and recordings, read into the program:
 * frab `<recording><optout>`, schedule.json `do_not_record`, pretalx `state`,
 * the CCC hub's room types, and the markers organisers write into titles.
 * Expected values come from the raw files (regex and JSON walking here).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changeLabel } from '../../../core/engine/change-labels.ts';
import { compileTimeline } from '../../../core/engine/timeline.ts';
import { titleChange } from '../../../core/import/title-changes.ts';
import { loadProgramText, type LoadOptions } from '../../../core/import/load.ts';
import { CORPUS, FIXTURES } from '../../fixture-paths.ts';

function load(path: string, options: LoadOptions = {}) {
  const result = loadProgramText(readFileSync(path, 'utf8'), path.slice(path.lastIndexOf('/') + 1), options);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

describe('recordings', () => {
  it('38C3 XML: every event with <optout>true</optout> is marked not recorded, and only those', () => {
    const raw = readFileSync(CORPUS + '38c3-hub.xml', 'utf8');
    const optout = raw
      .split('<event ')
      .slice(1)
      .filter((e) => /<recording>\s*(<license\s*\/>|<license>[^<]*<\/license>)?\s*<optout>true<\/optout>/.test(e))
      .map((e) => /^[^>]*\bid="([^"]+)"/.exec(e)![1]);
    expect(optout).toHaveLength(25);
    const { program } = load(CORPUS + '38c3-hub.xml');
    expect(program.items.filter((i) => i.recorded === false).map((i) => i.id)).toEqual(optout);
    expect(program.items.filter((i) => i.recorded !== undefined && i.recorded !== false)).toEqual([]);
  });

  it('pretalx schedule.json (rC3): "do_not_record": true is marked not recorded', () => {
    const raw = JSON.parse(readFileSync(CORPUS + 'rc3-channels-2020-pretalx.json', 'utf8')) as {
      schedule: { conference: { days: { rooms: Record<string, { id: number; do_not_record: boolean }[]> }[] } };
    };
    const expected = raw.schedule.conference.days
      .flatMap((d) => Object.values(d.rooms).flat())
      .filter((e) => e.do_not_record)
      .map((e) => String(e.id));
    expect(expected).toHaveLength(3);
    const { program } = load(CORPUS + 'rc3-channels-2020-pretalx.json');
    expect(program.items.filter((i) => i.recorded === false).map((i) => i.id)).toEqual(expected);
  });
});

describe('cancelled talks in pretalx widget JSON', () => {
  const { program, warnings } = load(FIXTURES + 'import/pretalx-widget-changes.json');
  const item = (id: string) => program.items.find((i) => i.id === id)!;

  it('reads state "canceled" and "withdrawn" as cancelled, "confirmed" as on', () => {
    expect(program.items.map((i) => [i.id, i.cancelled === true])).toEqual([
      ['KEPT01', false],
      ['GONE01', true],
      ['GONE02', true],
      ['LAST01', false],
    ]);
    expect(item('KEPT01').recorded).toBe(false);
    expect(item('GONE01').recorded).toBeUndefined();
  });

  it('does not count the cancelled talks as overlapping their replacement', () => {
    expect(warnings).toEqual([]);
    const timeline = compileTimeline(program);
    const gone = timeline.slots.find((s) => s.item.id === 'GONE01')!;
    expect(changeLabel(gone, '2025-06-10', timeline.zone)?.text).toBe('Cancelled');
  });
});

describe('the CCC hub schedule.json v2 (38C3 example from voc/schedule)', () => {
  const file = CORPUS + '38c3-hub-v2-example.json';
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    schedule: { conference: { rooms: { name: string; type: string; assembly: { name: string } }[] } };
  };
  const rooms = raw.schedule.conference.rooms;

  it("--group-by type groups the rooms by the hub's room type", () => {
    const { program } = load(file, { groupBy: 'type' });
    const names = (i: number) => program.groups![i]!.rooms.map((id) => program.rooms.find((r) => r.id === id)!.name);
    expect(program.groups!.map((g) => g.name)).toEqual(['Lecture halls', 'Stages']);
    expect(names(0)).toEqual(rooms.filter((r) => r.type === 'lecturehall').map((r) => r.name));
    expect(names(1)).toEqual(rooms.filter((r) => r.type === 'stage').map((r) => r.name));
  });

  it('--group-by assembly puts every room of one assembly together', () => {
    const { program } = load(file, { groupBy: 'assembly' });
    expect(new Set(rooms.map((r) => r.assembly.name))).toEqual(new Set(['CCC']));
    expect(program.groups).toEqual([{ id: 'ccc', name: 'CCC', rooms: program.rooms.map((r) => r.id) }]);
  });

  it('says so when the export has nothing to group by, and makes no groups', () => {
    const { program, notes } = load(CORPUS + 'fosdem-2025.xml', { groupBy: 'type' });
    expect(program.groups).toBeUndefined();
    expect(notes).toEqual([
      {
        kind: 'group-by',
        line: 'fosdem-2025.xml: the file (field rooms): --group-by type: no two rooms share a type (only schedule.json v2 from the CCC hub names them); no groups made',
      },
    ]);
  });
});

describe('changes written into titles', () => {
  it.each([
    ['CANCELLED: Rust for kernels', { change: 'cancelled', marker: 'CANCELLED:', title: 'Rust for kernels' }],
    ['[abgesagt] Lötworkshop', { change: 'cancelled', marker: '[abgesagt]', title: 'Lötworkshop' }],
    ['Lötworkshop (entfällt)', { change: 'cancelled', marker: '(entfällt)', title: 'Lötworkshop' }],
    // The three real markers in the 38C3 hub export.
    ['(Achtung Verschoben!! ) Desinformation?', { change: 'moved', marker: '(Achtung Verschoben!! )' }],
    ['[New time!: 22:00] Literaturabend', { change: 'moved', marker: '[New time!: 22:00]' }],
  ])('%s', (title, expected) => {
    expect(titleChange(title)).toEqual({ title, ...expected });
  });

  it.each(['Cancelling POSIX syscalls in Managarm', 'How we moved 10 PB', 'Cancelled'])(
    '%s is a title, not a marker',
    (title) => {
      expect(titleChange(title)).toBeUndefined();
    },
  );

  it('38C3: keeps the three sessions whose titles say they moved where the file puts them, and says so', () => {
    const raw = readFileSync(CORPUS + '38c3-hub.xml', 'utf8');
    const marked = [...raw.matchAll(/<event [^>]*id="(\d+)"[\s\S]*?<title>([^<]*)<\/title>/g)]
      .filter((m) => /[[(][^\])]*(verschoben|new time)/i.test(m[2]!))
      .map((m) => m[1]);
    expect(marked).toHaveLength(3);
    const { program, notes } = load(CORPUS + '38c3-hub.xml');
    const moved = notes.filter((n) => n.kind === 'moved in title');
    expect(moved.map((n) => /event (\d+)/.exec(n.line)![1])).toEqual(marked);
    expect(moved[1]!.line).toBe(
      '38c3-hub.xml: event 504907 (field title): the title says "[New time!: 22:00]"; imported where the file puts it (2024-12-29 22:00, House of Tea 2); if that is its old place, add "movedTo" by hand',
    );
    for (const id of marked) expect(program.items.find((i) => i.id === id)!.cancelled).toBeUndefined();
  });
});
