/**
 * The board: takes the program and the screen state from the host, compiles
 * the timeline once per change, and shows the view the state asks for at the
 * screen's time. That time has one source: the host's clock spec, read with
 * the state's rehearsal offset (ClockProvider); the snapshot follows it.
 */
import { t } from '../../core/i18n/index.ts';
import { useEffect, useMemo } from 'react';
import type { FoyerHost, ProgramUpdate } from '../../core/host-contract.ts';
import { screenRooms, selectionOf } from '../../core/engine/screen-rooms.ts';
import { screenRoom, screenView } from '../../core/screen/view.ts';
import { compileTimeline } from '../../core/engine/timeline.ts';
import { isRehearsal, ScreenClock } from '../../core/screen/clock.ts';
import type { ScreenState } from '../../core/screen/state.ts';
import { palette, paletteVariables } from '../../core/layout/palette.ts';
import { crowded, displaySettings, floorFactors, type DisplaySettings } from '../../core/layout/sizing.ts';
import { ClockProvider } from './clock/clock-context.tsx';
import { useAsleep, useBurnInShift } from './clock/use-sleep.ts';
import { useSnapshot } from './clock/use-snapshot.ts';
import { ChangeLabelScope } from './components/change-label.tsx';
import { PanelBoundary } from './components/panel-boundary.tsx';
import { WhereScope } from './components/where.tsx';
import { TopBar } from './components/top-bar.tsx';
import { AgendaView } from './features/agenda/agenda-view.tsx';
import { BoardView } from './features/board/board-view.tsx';
import { AnnouncementBar } from './features/overlays/announcement-bar.tsx';
import { AnnouncementBand } from './features/overlays/announcement-band.tsx';
import { useLiveAnnouncements } from './clock/use-live-announcements.ts';
import { EmergencyScreen } from './features/overlays/emergency-screen.tsx';
import { HelpDialog, QuitDialog } from './features/overlays/help-dialog.tsx';
import { IdentifyOverlay } from './features/overlays/identify-overlay.tsx';
import { NoticeToast } from './features/overlays/notice-toast.tsx';
import { RoomStatusBar } from './features/overlays/room-status-bar.tsx';
import { SleepScreen } from './features/overlays/sleep-screen.tsx';
import { StatusLine } from './features/overlays/status-line.tsx';
import { RoomsView } from './features/rooms/rooms-view.tsx';
import { SpotlightView } from './features/spotlight/spotlight-view.tsx';
import { FitProvider } from './fit/fit-box.tsx';
import { useProgram, useScreenState } from './hooks/use-host.ts';
import { useLanguage } from './hooks/use-language.ts';
import { useLanguageTurn } from './hooks/use-language-turn.ts';
import { usePortrait } from './hooks/use-orientation.ts';
import type { BoardOptions } from './query.ts';

export function App({ host, options }: { host: FoyerHost; options: BoardOptions }) {
  const update = useProgram(host);
  const state = useScreenState(host);
  const zone = update?.program.event.timezone ?? null;
  const clock = useMemo(() => (zone === null ? null : new ScreenClock(host.info.clock, zone)), [host, zone]);
  const event = update?.program.event;
  const languages = options.lang ?? [event?.locale ?? 'en'];
  const turn = useLanguageTurn(languages.length, clock, state?.clockOffset ?? 0);
  const language = useLanguage(
    languages[turn] ?? languages[0]!,
    options.clock ?? event?.display?.clock ?? '24',
    update?.catalogues,
    languages,
  );
  if (!update || !state || !clock)
    return (
      <div className="boot" role="status">
        {t('status.loading')}
      </div>
    );
  return <Board host={host} update={update} state={state} clock={clock} options={options} language={language} />;
}

/** The board for one program, state and clock: what the page shows, and what the hub renders into it (first-board/). */
export function Board({
  host,
  update,
  state,
  clock,
  options,
  language,
}: {
  host: FoyerHost;
  update: ProgramUpdate;
  state: ScreenState;
  clock: ScreenClock;
  options: BoardOptions;
  /** The language and clock the words are in (core/i18n's state): the board is drawn afresh when it changes. */
  language: string;
}) {
  return (
    <ClockProvider clock={clock} offset={state.clockOffset}>
      <FitProvider>
        <Screen key={language} host={host} update={update} state={state} options={options} />
      </FitProvider>
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
  const timeline = useMemo(() => compileTimeline(program, state.delays), [program, state.delays]);
  const { group, rooms } = state;
  const shown = useMemo(() => screenRooms(timeline, selectionOf({ group, rooms })), [timeline, group, rooms]);
  const { room, name: roomName, named } = screenRoom(timeline, state.room, shown);
  const snap = useSnapshot(timeline, room);
  const asleep = useAsleep(timeline, host.info.sleep ?? null, state.wakeUntil);
  const groups = program.groups;
  const place = useMemo(
    () => ({ room, group: state.group, view: state.view, groups: groups ?? [] }),
    [room, state.group, state.view, groups],
  );
  const live = useLiveAnnouncements(state.announcements, place);
  // Written on the day first, then the program's ready-made ones while staff show them: one rotation.
  const rotating = useMemo(
    () => [...live.normal, ...(state.showAnnouncements ? (program.announcements ?? []) : [])],
    [live.normal, state.showAnnouncements, program.announcements],
  );
  const shift = useBurnInShift();

  useEffect(() => {
    // For the speed budget: when the first board is on screen (read by the e2e test).
    if (performance.getEntriesByName('foyer:first-board').length === 0) performance.mark('foyer:first-board');
  }, []);

  const spotlightMs = options.spotlightSeconds * 1000;
  const event = program.event;
  const view = screenView(state, snap, timeline, room);
  const rehearsal = isRehearsal(host.info.clock, state.clockOffset);
  const { viewingDistance, diagonal } = displaySettings(host.info.display, event.display);
  const display = useMemo(() => ({ viewingDistance, diagonal }), [viewingDistance, diagonal]);
  const portrait = usePortrait();
  const style = useMemo(
    () => ({ ...screenStyle(options.theme, event.accentColor, display), ...shift }),
    [options.theme, event.accentColor, display, shift],
  );
  // Outside the program's hours: black (a staff key wakes it); the emergency message still shows.
  if (asleep && view !== 'emergency')
    return (
      <>
        <SleepScreen />
        {state.notice !== null && <NoticeToast notice={state.notice} />}
      </>
    );
  return (
    <div
      className={`app theme-${options.theme} view-${view === 'emergency' ? 'emergency' : state.view}`}
      style={style}
      data-crowded={crowded(display, portrait) ? '' : undefined}
    >
      <PanelBoundary name="The top bar" resetKey={event}>
        <TopBar event={event} roomName={named ? roomName : null} zone={timeline.zone} />
      </PanelBoundary>
      <main className="stage">
        {/* One boundary per view, tried again at the next moment: a view that fails leaves the bars and the clock. */}
        <PanelBoundary name={`The ${view === 'rooms' ? 'all-rooms' : view} view`} resetKey={snap}>
          <ChangeLabelScope today={snap.day} zone={timeline.zone}>
            <WhereScope timeline={timeline} room={room}>
              {view === 'emergency' && <EmergencyScreen program={program} text={state.emergencyText} />}
              {view === 'agenda' && <AgendaView snap={snap} timeline={timeline} room={room} />}
              {view === 'spotlight' && <SpotlightView snap={snap} timeline={timeline} room={room} intervalMs={spotlightMs} />}
              {view === 'rooms' && (
                <RoomsView
                  snap={snap}
                  timeline={timeline}
                  rooms={shown.rooms}
                  intervalMs={options.pageMs}
                  statuses={state.roomStatus}
                />
              )}
              {view === 'board' && <BoardView snap={snap} timeline={timeline} spotlightMs={spotlightMs} />}
            </WhereScope>
          </ChangeLabelScope>
        </PanelBoundary>
      </main>
      <PanelBoundary name="The announcements" quiet resetKey={rotating}>
        {live.high.length > 0 && !state.emergency && <AnnouncementBand announcements={live.high} />}
        {rotating.length > 0 && !state.emergency && <AnnouncementBar announcements={rotating} intervalMs={spotlightMs} />}
      </PanelBoundary>
      {/* Mounted only where staff marked a room: the bar alone reads the clock by the minute. */}
      <PanelBoundary name="The room status" quiet resetKey={state.roomStatus}>
        {state.roomStatus.length > 0 && room !== null && view !== 'emergency' && (
          <RoomStatusBar timeline={timeline} statuses={state.roomStatus} room={room} day={snap.day} at={snap.at} />
        )}
      </PanelBoundary>
      <footer className="bottom-bar">
        {event.notice && state.view === 'board' && !state.emergency && (
          // The organisers' text has its own direction: an English notice on an Arabic screen ends with its full stop.
          <span className="notice-line" data-text="reading" dir="auto">
            {event.notice}
          </span>
        )}
        <PanelBoundary name="The status line" quiet resetKey={status}>
          <StatusLine
            status={status}
            zone={timeline.zone}
            note={rehearsal ? t('status.rehearsal') : null}
            problem={shown.problem ?? null}
          />
        </PanelBoundary>
      </footer>
      {state.overlay === 'help' && <HelpDialog />}
      {state.overlay === 'quit' && <QuitDialog />}
      {state.notice !== null && <NoticeToast notice={state.notice} />}
      {state.overlay === 'identify' && (
        <IdentifyOverlay
          name={state.name}
          roomName={roomName}
          version={host.info.version}
          host={host.info.host}
          status={status}
          display={display}
        />
      )}
    </div>
  );
}

/** The palette (every text at 7:1, the accent made readable) and the text floors for this screen, as custom properties. */
function screenStyle(theme: BoardOptions['theme'], accent: string | undefined, display: DisplaySettings): React.CSSProperties {
  const k = floorFactors(display);
  return {
    ...paletteVariables(palette(theme, accent)),
    '--k-primary': k.primary.toFixed(6),
    '--k-secondary': k.secondary.toFixed(6),
    '--k-reading': k.reading.toFixed(6),
  } as React.CSSProperties;
}
