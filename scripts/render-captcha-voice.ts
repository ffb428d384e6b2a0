/**
 * Renders shared/captcha/spoken-characters.json, the French voice of the local captcha's audio
 * alternative: each character of the code alphabet spelled by eSpeak NG (`apt-get install
 * espeak-ng`; needed only to re-render, never to run or test the project), trimmed of silence,
 * as 8-bit PCM at 11 025 Hz.   npm run render:captcha-voice
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPTCHA_ALPHABET } from '#shared/captcha/alphabet.ts';
import { SPOKEN_SAMPLE_RATE } from '#shared/captcha/audio.ts';

const TARGET = new URL('../shared/captcha/spoken-characters.json', import.meta.url);
/** Below this 16-bit amplitude a sample counts as silence when trimming. */
const SILENCE = 400;

/** eSpeak's WAV: 16-bit mono at 22 050 Hz, the data after a 44-byte header. */
function spell(character: string, directory: string): Int16Array {
  const file = join(directory, `${character}.wav`);
  const ssml = `<speak><say-as interpret-as="characters">${character}</say-as></speak>`;
  execFileSync('espeak-ng', ['-v', 'fr', '-s', '130', '-m', '-w', file, ssml]);
  const bytes = readFileSync(file);
  const data = bytes.subarray(44);
  return new Int16Array(data.buffer, data.byteOffset, data.length / 2);
}

function toSpoken(samples: Int16Array): Buffer {
  let start = 0;
  let end = samples.length;
  while (start < end && Math.abs(samples[start] ?? 0) < SILENCE) start += 1;
  while (end > start && Math.abs(samples[end - 1] ?? 0) < SILENCE) end -= 1;
  const halved = Buffer.alloc(Math.floor((end - start) / 2));
  for (let index = 0; index < halved.length; index += 1) {
    const mean = ((samples[start + 2 * index] ?? 0) + (samples[start + 2 * index + 1] ?? 0)) / 2;
    halved[index] = Math.max(0, Math.min(255, Math.round(mean / 256) + 128));
  }
  return halved;
}

const directory = mkdtempSync(join(tmpdir(), 'captcha-voice-'));
try {
  const characters = Object.fromEntries(
    [...CAPTCHA_ALPHABET].map((character) => [
      character,
      toSpoken(spell(character, directory)).toString('base64'),
    ]),
  );
  writeFileSync(TARGET, `${JSON.stringify({ sampleRate: SPOKEN_SAMPLE_RATE, characters }, null, 1)}\n`);
  console.log(`${Object.keys(characters).length} caractères rendus dans ${TARGET.pathname}`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
