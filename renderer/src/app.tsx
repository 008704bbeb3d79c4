/**
 * The board: takes the program and the screen state from the host, compiles
 * the timeline once per change, and shows the view the state asks for.
 */
import { useEffect, useMemo } from 'react';
import type { FoyerHost, ProgramUpdate } from '../../core/contract.ts';
import { compileTimeline, dayOf } from '../../core/engine/timeline.ts';
import { snapshot } from '../../core/engine/snapshot.ts';
import type { ScreenState } from '../../core/screen/state.ts';
import { AgendaView } from './features/agenda/agenda-view.tsx';
import { BoardView } from './features/board/board-view.tsx';
import { ClockFace } from './features/board/clock-face.tsx';
import { assetUrl } from './features/common/asset-url.ts';
import { AnnouncementBar } from './features/overlays/announcement-bar.tsx';
import { EmergencyScreen } from './features/overlays/emergency-screen.tsx';
import { HelpDialog, QuitDialog } from './features/overlays/help-dialog.tsx';
import { IdentifyOverlay } from './features/overlays/identify-overlay.tsx';
import { StatusLine } from './features/overlays/status-line.tsx';
import { RoomsView } from './features/rooms/rooms-view.tsx';
import { SpotlightView } from './features/spotlight/spotlight-view.tsx';
import { BoardClock } from './hooks/board-clock.ts';
import { ClockProvider, useClock, useClockNotify } from './hooks/use-clock.tsx';
import { useProgram, useScreenState } from './hooks/use-host.ts';
import { useSnapshot } from './hooks/use-snapshot.ts';
import type { BoardOptions } from './query.ts';
import { isRehearsal, resolveAt } from '../../core/screen/clock.ts';
import type { WebHost } from './host/web-host.ts';

export function App({ host, options }: { host: FoyerHost; options: BoardOptions }) {
  const update = useProgram(host);
  const state = useScreenState(host);
  const zone = update?.program.event.timezone ?? null;
  const clock = useMemo(
    () => (zone === null ? null : new BoardClock(resolveAt(host.info.clock.at, zone), host.info.clock.speed)),
    [zone, host],
  );
  if (!update || !state || !clock)
    return (
      <div className="boot" role="status">
        Loading the program…
      </div>
    );
  return (
    <ClockProvider clock={clock}>
      <Screen host={host} update={update} state={state} options={options} />
    </ClockProvider>
  );
}

function Screen({
  host,
  update,
  state,
  options,
}: {
  host: FoyerHost;
  update: ProgramUpdate;
  state: ScreenState;
  options: BoardOptions;
}) {
  const { program, status } = update;
  const clock = useClock();
  const notify = useClockNotify();
  const timeline = useMemo(() => compileTimeline(program, state.delays), [program, state.delays]);
  const room = state.room !== null && timeline.rooms.some((r) => r.id === state.room) ? state.room : null;
  const roomName = room === null ? 'All rooms' : (timeline.rooms.find((r) => r.id === room)?.name ?? room);

  useEffect(() => {
    clock.setOffset(state.clockOffset);
    notify();
  }, [clock, notify, state.clockOffset]);
  const snap = useSnapshot(timeline, room, state.clockOffset);

  useEffect(() => {
    (host as Partial<WebHost>).setContext?.(() => {
      const now = clock.now();
      return {
        rooms: timeline.rooms.map((r) => r.id),
        now,
        liveNow: clock.liveNow(),
        day: dayOf(now, timeline.zone, timeline.dayStart),
        nextBoundary: snapshot(timeline, now, room).changesAt,
      };
    });
  }, [host, clock, timeline, room]);

  useEffect(() => {
    // For the speed budget: when the first board is on screen (read by the e2e test).
    if (performance.getEntriesByName('foyer:first-board').length === 0) performance.mark('foyer:first-board');
  }, []);

  const spotlightMs = options.spotlightSeconds * 1000;
  const event = program.event;
  const multiRoom = timeline.rooms.length > 1;
  let view;
  if (state.emergency) view = <EmergencyScreen program={program} />;
  else if (state.view === 'agenda') view = <AgendaView snap={snap} timeline={timeline} room={room} />;
  else if (state.view === 'spotlight')
    view = <SpotlightView snap={snap} timeline={timeline} room={room} intervalMs={spotlightMs} />;
  else if (
    room === null &&
    multiRoom &&
    snap.phase !== 'before-event' &&
    snap.phase !== 'after-event' &&
    snap.phase !== 'between-days'
  )
    view = <RoomsView snap={snap} timeline={timeline} intervalMs={spotlightMs} />;
  else view = <BoardView snap={snap} timeline={timeline} spotlightMs={spotlightMs} />;

  const rehearsal = isRehearsal(host.info.clock, state.clockOffset);
  const accent = event.accentColor ? ({ '--accent': event.accentColor } as React.CSSProperties) : undefined;
  return (
    <div className={`app theme-${options.theme} view-${state.emergency ? 'emergency' : state.view}`} style={accent}>
      <header className="top-bar">
        <div className="brand">
          {event.logo && <img className="logo" src={assetUrl(event.logo)} alt="" />}
          <span className="event-name">{event.shortName ?? event.name}</span>
          {(multiRoom || room !== null) && <span className="room-name">{roomName}</span>}
        </div>
        <ClockFace zone={timeline.zone} />
      </header>
      <main className="stage">{view}</main>
      {state.showAnnouncements && (program.announcements?.length ?? 0) > 0 && !state.emergency && (
        <AnnouncementBar announcements={program.announcements ?? []} intervalMs={spotlightMs} />
      )}
      <footer className="bottom-bar">
        {event.notice && state.view === 'board' && !state.emergency && <span className="notice-line">{event.notice}</span>}
        <StatusLine status={status} zone={timeline.zone} note={rehearsal ? 'rehearsal clock' : null} />
      </footer>
      {state.overlay === 'help' && <HelpDialog />}
      {state.overlay === 'quit' && <QuitDialog />}
      {state.overlay === 'identify' && (
        <IdentifyOverlay
          name={state.name}
          roomName={roomName}
          version={host.info.version}
          host={host.info.host}
          status={status}
        />
      )}
    </div>
  );
}
