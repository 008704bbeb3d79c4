/**
 * The program file format: one zod schema is the single source of truth for the
 * TypeScript types, the runtime validation and the generated JSON Schema
 * (data/program.schema.json) that editors use for completion.
 */
import { z } from 'zod';
import { DISPLAY_LIMITS } from '../layout/sizing.ts';
import { ITEM_KINDS } from './kinds.ts';

export { BREAK_KINDS, ITEM_KINDS } from './kinds.ts';

/** Local wall time in the event's zone. No offset: the zone comes from `event.timezone`. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, {
    message: 'must be a local wall time like 2026-05-06T09:00 (no offset; the zone is event.timezone)',
  })
  .describe('Local wall time in the event time zone, e.g. 2026-05-06T09:00');

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date like 2026-05-06' })
  .describe('A calendar date, e.g. 2026-05-06');

const Id = z.string().min(1, { message: 'must not be empty' }).describe('A stable identifier, unique within its list');

const Text = z.string().min(1, { message: 'must not be empty' });

export const ItemKind = z
  .enum(ITEM_KINDS)
  .describe('What kind of slot this is; breaks, meals and poster sessions rotate the speaker spotlight');

export const Venue = z
  .object({
    id: Id,
    name: Text,
    address: Text.optional(),
    notes: Text.optional().describe('Practical information: entrance, transport, accessibility'),
  })
  .strict();

export const Room = z
  .object({
    id: Id,
    name: Text,
    order: z.number().int().optional().describe('Position in room lists and hotkey order; file order when absent'),
    venue: Id.optional().describe('Id of the venue the room is in'),
  })
  .strict();

export const Speaker = z
  .object({
    name: Text,
    affiliation: Text.optional(),
    biography: Text.optional().describe('Plain text; paragraphs separated by a newline'),
    photo: Text.optional().describe('Image path relative to the program file, or an https URL'),
  })
  .strict();

export const Part = z
  .object({
    group: Id.describe('Shared by every part of the same multi-part talk'),
    index: z.number().int().min(1),
    count: z.number().int().min(2),
  })
  .strict()
  .describe('Links the parts of a multi-part talk');

/** Where and when a moved item now takes place; what is left out stays as it was. */
export const MovedTo = z
  .object({
    start: LocalDateTime.optional().describe('New start; absent = the same time'),
    end: LocalDateTime.optional().describe('New end; absent = the new start plus the original length'),
    room: Id.optional().describe('Id of the new room; absent = the same room'),
  })
  .strict();

/** A BCP 47 language tag as programs and imports write it: "de", "en-GB", "zh-Hant". */
export const LanguageTag = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'must be a language tag like "de" or "pt-BR"' });

export const Item = z
  .object({
    id: Id,
    kind: ItemKind,
    start: LocalDateTime,
    end: LocalDateTime.optional().describe(
      'Absent for open-ended items (a dinner): they last until the next item at their venue or the end of the day',
    ),
    room: Id.optional().describe('Id of a room; items with neither room nor venue are in every room'),
    venue: Id.optional().describe('Id of a venue, for items away from the rooms (reception, bus, dinner)'),
    destination: Id.optional().describe('For transport: id of the venue it goes to'),
    title: Text.optional().describe('Absent means "to be announced"'),
    subtitle: Text.optional(),
    speakers: z.array(Speaker).optional(),
    abstract: Text.optional().describe('Plain text; paragraphs separated by a newline'),
    notes: Text.optional(),
    track: Text.optional(),
    part: Part.optional(),
    overlaps: z
      .boolean()
      .optional()
      .describe(
        'Runs at the same time as other items in its room on purpose (an all-day workshop with sessions inside it): no overlap warning',
      ),
    cancelled: z
      .boolean()
      .optional()
      .describe('Will not take place: screens keep it in place, struck through and labelled "Cancelled", until its end'),
    movedTo: MovedTo.optional().describe(
      'Takes place at another time and/or in another room: screens show it there, and "Moved to …" in its old place until its old end',
    ),
    language: LanguageTag.optional().describe(
      'The language the item is given in (BCP 47: "de", "en", "pt-BR"); a badge where it differs from the screen\'s',
    ),
    translations: z
      .record(LanguageTag, z.object({ title: Text.optional(), abstract: Text.optional() }).strict())
      .optional()
      .describe(
        'The title and abstract in other languages, by language tag ({"de": {"title": "Mittagspause"}}): a screen in that language shows them',
      ),
    recorded: z.boolean().optional().describe('false: the talk will not be recorded or streamed (a small mark on screens)'),
    everyone: z
      .boolean()
      .optional()
      .describe(
        "For everyone (an opening, a keynote, the closing): shown on every room's screen while it is on and when it is next, with its room",
      ),
  })
  .strict();

export const RoomGroup = z
  .object({
    id: Id,
    name: Text.describe('What screens and staff see, e.g. "Floor 1", "Assemblies", "Stages"'),
    rooms: z.array(Id).min(1, { message: 'must list at least one room' }).describe('Room ids, in display order'),
  })
  .strict()
  .describe('Rooms a screen can show together (?group=ID, --group ID); a room may be in several groups');

export const Announcement = z
  .object({
    id: Id,
    text: Text,
    priority: z.enum(['normal', 'high']).optional(),
  })
  .strict();

/**
 * A QR code holds at most 2,331 bytes at the error correction the board uses
 * (M); 500 characters fit even if each took four bytes, and still scan.
 */
export const URL_MAX = 500;
/** One line beside the agenda: a sentence, not a page that squeezes the board. */
export const NOTICE_MAX = 200;

const [minDistance, maxDistance] = DISPLAY_LIMITS.viewingDistance;
const [minDiagonal, maxDiagonal] = DISPLAY_LIMITS.diagonal;

export const Display = z
  .object({
    viewingDistance: z
      .number()
      .min(minDistance, { message: `must be at least ${minDistance} (metres)` })
      .max(maxDistance, { message: `must be at most ${maxDistance} (metres)` })
      .optional()
      .describe('Metres from the screens to where people read them; default 5'),
    diagonal: z
      .number()
      .min(minDiagonal, { message: `must be at least ${minDiagonal} (inches)` })
      .max(maxDiagonal, { message: `must be at most ${maxDiagonal} (inches)` })
      .optional()
      .describe("The screens' diagonal in inches; default 55"),
    clock: z
      .enum(['12', '24'], { message: 'must be "12" or "24"' })
      .optional()
      .describe('"12" for 12-hour clocks (2:05 PM) on every screen, "24" (14:05) by default; a screen\'s ?clock= wins'),
  })
  .strict();

export const EventInfo = z
  .object({
    name: Text,
    shortName: Text.optional(),
    timezone: Text.describe('IANA time zone, e.g. Europe/Stockholm'),
    locale: LanguageTag.optional().describe(
      'The language of the screens (BCP 47: "de", "fr", "ar"); a screen\'s ?lang= wins; default "en"',
    ),
    startDate: LocalDate,
    endDate: LocalDate,
    dayStartsAt: z
      .string()
      .regex(/^\d{2}:\d{2}$/, { message: 'must be a time like 04:00' })
      .optional()
      .describe('When a conference day begins, for days that run past midnight (pretalx uses 04:00); default 00:00'),
    notice: Text.max(NOTICE_MAX).optional().describe('A line shown with the agenda, e.g. "The program is subject to change."'),
    logo: Text.optional().describe('Image path relative to the program file, or an https URL'),
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour like #1d4ed8' })
      .optional(),
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .max(URL_MAX, { message: `must be at most ${URL_MAX} characters long (longer does not fit a QR code)` })
      .optional()
      .describe('Public program URL, shown as a QR code'),
    map: z
      .object({ image: Text, caption: Text.optional() })
      .strict()
      .optional()
      .describe('A venue map for the registration desk view'),
    venues: z.array(Venue),
    display: Display.optional().describe(
      "How the venue's screens are seen; text is sized so it reads from there (a screen's own --distance and --diagonal win)",
    ),
  })
  .strict();

export const Program = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    event: EventInfo,
    rooms: z.array(Room).min(1, { message: 'must list at least one room' }),
    groups: z.array(RoomGroup).optional(),
    items: z.array(Item),
    announcements: z.array(Announcement).optional(),
  })
  .strict();

export type ItemKind = z.infer<typeof ItemKind>;
export type Venue = z.infer<typeof Venue>;
export type Room = z.infer<typeof Room>;
export type Speaker = z.infer<typeof Speaker>;
export type Part = z.infer<typeof Part>;
export type Item = z.infer<typeof Item>;
export type MovedTo = z.infer<typeof MovedTo>;
export type RoomGroup = z.infer<typeof RoomGroup>;
export type Announcement = z.infer<typeof Announcement>;
export type EventInfo = z.infer<typeof EventInfo>;
export type Display = z.infer<typeof Display>;
export type Program = z.infer<typeof Program>;
