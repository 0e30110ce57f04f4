#!/usr/bin/env bash
# ops/prompts/make-demo-prompts.sh - generates the demo prompt set shipped in samples/prompts/en/.
#
# Every prompt is an 8 kHz mono 16-bit PCM WAV (what WavReader.ReadMono8k and PromptCache load; G.711 WAV would also
# load, but PCM keeps the files editable and the codec choice per leg). Speech comes from espeak-ng, resampled by sox
# exactly as src/ContactCenter.Media/Prompts/PromptGenerator.cs does (espeak-ng -w raw.wav; sox raw.wav -r 8000 -c 1
# -b 16 -e signed-integer out.wav), plus leading/trailing silence trimmed and a fixed peak level so prompts that are
# composed one after another (PromptCache.ComposeNumber) sound even. Music on hold is a soft chord loop from sox synth.
#
# Run once when the texts change and commit the WAVs (the demo never needs espeak-ng at run time):
#   ops/prompts/make-demo-prompts.sh [output-dir]     # default: samples/prompts/en
# Environment: VOICE (espeak-ng voice, default "en-us"), SPEED (words per minute, default 150).
set -euo pipefail

say() { printf 'make-demo-prompts: %s\n' "$*"; }
die() { printf 'make-demo-prompts: error: %s\n' "$*" >&2; exit 1; }

for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null 2>&1 ||
    die "$tool is not installed; install it with: apt-get install -y --no-install-recommends $tool"
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${1:-$ROOT/samples/prompts/en}
VOICE=${VOICE:-en-us}
SPEED=${SPEED:-150}
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf -- "$WORK"' EXIT

# The 8 kHz mono 16-bit format, as PromptGenerator writes it. -D: no dither, so reruns give identical files.
FORMAT=(-r 8000 -c 1 -b 16 -e signed-integer)

# name|text. Names are PromptCache keys: digit-0..9 are what ComposeNumber reads.
PROMPTS=(
  "digit-0|zero" "digit-1|one" "digit-2|two" "digit-3|three" "digit-4|four"
  "digit-5|five" "digit-6|six" "digit-7|seven" "digit-8|eight" "digit-9|nine"
  "you-are-number|You are caller number"
  "in-the-queue|in the queue."
  "your-wait-time-is|Your expected wait time is"
  "minutes|minutes."
  "seconds|seconds."
  "welcome|Welcome to the Contact Center demo."
  "main-menu|For sales, press 1. For support, press 2."
  "out-of-hours|Thank you for calling. Our office is now closed. Please call again during our opening hours."
  "please-hold|Please hold. Your call is important to us, and the next available agent will answer shortly."
  "all-agents-busy|All our agents are busy at the moment."
  "callback-offer|To request a callback instead of waiting, press 1."
  "wait-options|To request a callback instead of waiting, press 1. To leave a message, press 2."
  "callback-confirm|We will call you back. To confirm, press 1."
  "preferred-time|Please enter your preferred time as four digits, for example one four three zero, or wait to be called as soon as possible."
  "leave-message|Please leave a message after the tone."
  "goodbye|Thank you for calling. Goodbye."
  "invalid-choice|Sorry, that is not a valid choice."
)

speak() {
  local name=$1 text=$2 raw=$WORK/$1.espeak.wav
  espeak-ng -v "$VOICE" -s "$SPEED" -w "$raw" "$text" ||
    die "espeak-ng failed on prompt '$name'"
  # Trim silence at both ends (a digit prompt is composed between others), normalise the peak to -3 dBFS, add
  # 100 ms of silence at each end so composed prompts keep a short natural gap.
  sox -D "$raw" "${FORMAT[@]}" "$WORK/$name.wav" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse gain -n -3 pad 0.1 0.1 ||
    die "sox failed on prompt '$name'"
}

for entry in "${PROMPTS[@]}"; do
  speak "${entry%%|*}" "${entry#*|}"
done

# "after the tone": the tone is part of the prompt (a 1 kHz beep of 400 ms after half a second), so that the recording
# that follows starts right after it.
sox -D -n "${FORMAT[@]}" "$WORK/tone.wav" synth 0.4 sine 1000 gain -8 fade t 0.01 0.4 0.01 pad 0.5 0.1
sox -D "$WORK/leave-message.wav" "$WORK/tone.wav" "${FORMAT[@]}" "$WORK/leave-message.tone.wav"
mv "$WORK/leave-message.tone.wav" "$WORK/leave-message.wav"

# Music on hold: four soft triads (C, A minor, F, G), 2 s each, each faded in and out so the loop has no clicks where
# it wraps around (PromptPlayer loops the samples end to start).
chord() {
  local out=$1; shift
  local args=() f
  for f in "$@"; do args+=(sine "$f"); done
  sox -D -n -r 8000 -c $# -b 16 -e signed-integer "$WORK/$out.multi.wav" synth 2 "${args[@]}"
  sox -D "$WORK/$out.multi.wav" "${FORMAT[@]}" "$WORK/$out.wav" remix - tremolo 3 20 fade q 0.3 2 0.5
}
chord moh-1 261.63 329.63 392.00   # C major
chord moh-2 220.00 261.63 329.63   # A minor
chord moh-3 174.61 220.00 261.63   # F major
chord moh-4 196.00 246.94 293.66   # G major
sox -D "$WORK"/moh-{1,2,3,4}.wav "${FORMAT[@]}" "$WORK/music-on-hold.wav" gain -n -12

rm -f "$OUT"/*.wav
for entry in "${PROMPTS[@]}"; do
  cp "$WORK/${entry%%|*}.wav" "$OUT/"
done
cp "$WORK/music-on-hold.wav" "$OUT/"

count=$(find "$OUT" -name '*.wav' | wc -l)
say "wrote $count prompts to $OUT ($(du -sh "$OUT" | cut -f1))"
