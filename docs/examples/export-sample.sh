#!/bin/bash
# The small journal behind the sample one-pager in docs/export.md. Run it in an empty
# folder, then:
#   TRUSTLOG_HOME=sample-journal TRUSTLOG_NOW=2026-11-24T20:00:00+00:00 TZ=UTC \
#     trustlog export --output - \
#     --agenda "How to handle the reunion next month" --agenda "Checking her location less"
export TRUSTLOG_HOME="${TRUSTLOG_HOME:-$PWD/sample-journal}" TZ=UTC
t() { TRUSTLOG_NOW="$1" trustlog --no-input "${@:2}" > /dev/null; }
t 2026-10-01T20:00:00+00:00 promise add "Text if I'm running late" --every daily --start 2026-10-01
P=$(TRUSTLOG_NOW=2026-10-01T20:00:00+00:00 trustlog promise list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
for d in 05 06 08 12 15 19 22; do t 2026-10-${d}T21:00:00+00:00 checkin --mood 2 --trust 3 --detective 2 --argument "her phone"; done
for d in 05 06 07 08 12 15 19 20 21 22; do t 2026-10-${d}T21:00:00+00:00 promise kept $P; done
for d in 09 13 16; do t 2026-10-${d}T21:00:00+00:00 promise broken $P; done
t 2026-10-10T21:00:00+00:00 trigger --at "2026-10-10 19:00" --what "A late reply" --resolved-at "2026-10-10 21:00" --no-timer
t 2026-10-18T21:00:00+00:00 trigger --at "2026-10-18 19:00" --what "Her phone buzzing at dinner" --resolved-at "2026-10-18 20:30" --no-timer
t 2026-10-29T21:00:00+00:00 checkin --mood 3 --trust 4 --feeling "tired but calmer" --affection 1 --detective 1
t 2026-11-02T21:00:00+00:00 checkin --mood 2 --trust 2 --feeling "shaky" --argument "her phone" --note "She was late and did not text. I checked her location twice."
t 2026-11-02T22:00:00+00:00 promise broken $P --date 2026-11-02 --repair "Called the next morning and said sorry without excuses"
t 2026-11-03T21:00:00+00:00 trigger --at "2026-11-03 18:30" --what "A message from an old colleague" --intensity 7 --facts "It was about the reunion" --guesses "That they are still in touch" --reassurance "She showed me the thread" --repair "We cooked together" --resolved-at "2026-11-03 19:05" --breathe 30 --no-timer
t 2026-11-05T21:00:00+00:00 checkin --mood 4 --trust 6 --grateful "She made tea" --care "Left a note in her bag" --affection 2
t 2026-11-09T21:00:00+00:00 checkin --mood 3 --trust 5 --argument "money" --detective 1
t 2026-11-12T21:00:00+00:00 checkin --mood 4 --trust 7 --affection 3 --grateful "A long walk" --note "We talked about the weekend without it turning into a fight."
t 2026-11-14T23:00:00+00:00 trigger --at "2026-11-14 22:00" --what "She went quiet at a party" --intensity 5 --resolved-at "2026-11-14 22:20" --no-timer
t 2026-11-16T21:00:00+00:00 checkin --mood 3 --trust 5 --private --note "Something I am not ready to share"
t 2026-11-19T21:00:00+00:00 checkin --mood 4 --trust 7 --affection 2
t 2026-11-23T21:00:00+00:00 checkin --mood 5 --trust 8 --affection 2 --feeling "close"
for d in 10-29 10-30 11-01 11-03 11-04 11-05 11-06 11-08 11-09 11-10 11-11 11-12 11-13 11-15 11-16 11-17 11-18 11-19 11-20 11-22 11-23; do t 2026-${d}T21:00:00+00:00 promise kept $P; done
t 2026-11-21T21:00:00+00:00 promise broken $P
t 2026-11-24T20:00:00+00:00 apology draft --did "I stopped texting when I was running late." --impact "You were left guessing, and old fears came back." --responsibility "That was my choice, and it is mine to fix." --amends "I text before I leave, every time."
t 2026-11-08T21:00:00+00:00 ritual log repair --minutes 30 --facts "Two late evenings this week" --helped "Texting before leaving"
t 2026-11-13T23:00:00+00:00 ritual log date --minutes 120 --note "Dinner and a film, no heavy topics"
t 2026-11-22T21:00:00+00:00 ritual log repair --minutes 25
