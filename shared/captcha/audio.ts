import { readFileSync } from 'node:fs';

/** The local voice's sample rate (8-bit mono PCM): intelligible speech in small files. */
export const SPOKEN_SAMPLE_RATE = 11_025;
/** Silence before the first character and after each one: time to type what was heard. */
const PAUSE_SECONDS = 0.7;
/** Unsigned 8-bit PCM's zero. */
const SILENT_SAMPLE = 128;

export type Voice = ReadonlyMap<string, Uint8Array>;

let voice: Voice | undefined;

/**
 * The characters spelled in French (shared/captcha/spoken-characters.json, rendered offline by
 * `npm run render:captcha-voice`). Read on first use, from beside this module: only the local
 * provider speaks, and only on the local stage, so no Lambda bundle carries the 180 KB.
 */
export function localVoice(): Voice {
  if (voice) return voice;
  const file = JSON.parse(readFileSync(new URL('./spoken-characters.json', import.meta.url), 'utf8')) as {
    characters: Record<string, string>;
  };
  voice = new Map(
    Object.entries(file.characters).map(([character, base64]) => [character, Buffer.from(base64, 'base64')]),
  );
  return voice;
}

/** A WAV file (RIFF, PCM 8-bit mono) spelling the code one character at a time. */
export function spellAsWav(code: string, spoken: Voice): Buffer {
  const pause = Buffer.alloc(Math.round(PAUSE_SECONDS * SPOKEN_SAMPLE_RATE), SILENT_SAMPLE);
  const parts = [pause];
  for (const character of code.toLowerCase()) {
    const samples = spoken.get(character);
    if (!samples) throw new Error(`No spoken form for the character "${character}"`);
    parts.push(Buffer.from(samples), pause);
  }
  const data = Buffer.concat(parts);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SPOKEN_SAMPLE_RATE, 24);
  header.writeUInt32LE(SPOKEN_SAMPLE_RATE, 28); // bytes per second (1 byte per sample)
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
