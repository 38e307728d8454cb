package qa

import (
	"testing"

	"github.com/articlebot/articlebot/qa/span"
)

// TestWholeFact checks that the phrase the span model picks is shown as
// the whole fact the sentence writes: the words that qualify a number and
// the rate it is reckoned per, the part of a day or a period a time is
// in, the noun a "which" question asks for, "near" before a place, the
// person a title is set off before, a score whichever side was picked;
// and that it is not widened past the fact: no rate read into a noun
// phrase that goes on or into a time, no "the" before a name that is a
// modifier, no person after a phrase that is no title.
func TestWholeFact(t *testing.T) {
	tests := []struct {
		name, sentence, question, picked, want string
	}{
		{"qualifier and rate", "Closing the branches will save about £3.1 million a year, the council said.", "How much will the council save?", "£3.1 million", "about £3.1 million a year"},
		{"rate per", "The treaty obliges Tarsenia to release 1,150 cubic metres per second downstream.", "What flow must Tarsenia release?", "1,150", "1,150 cubic metres per second"},
		{"rate after a count", "Okoro is averaging 24.3 points a game this season.", "How many points is Okoro scoring?", "24.3 points", "24.3 points a game"},
		{"a share's word", "Acme is paying a 27 percent premium for the shares.", "What premium is Acme paying?", "percent premium", "27 percent"},
		{"no rate: the noun phrase goes on", "Acme matched the £2 million a local charity had raised.", "How much did Acme give?", "£2 million", "£2 million"},
		{"no rate: a time follows", "The firm cut 300 jobs a year after the merger.", "How many jobs did the firm cut?", "300 jobs", "300 jobs"},
		{"qualified, before a dollar's country", "The search has cost about C$2.3 million so far.", "How much has the search cost?", "C$2.3 million", "about C$2.3 million"},
		{"a time of day in words before its day", "The deadline is midnight on Friday, the hackers said.", "When is the deadline?", "Friday", "midnight on Friday"},
		{"a person as titled", "The dig was led by Dr. Priya Naidoo of the museum.", "Who led the dig?", "Priya Naidoo", "Dr. Priya Naidoo"},
		{"a time of day in words, with its day", "The deadline is midnight on Friday, the hackers said.", "When is the deadline?", "midnight", "midnight on Friday"},
		{"a season of a year", "The skeleton will go on show in the spring of 2028.", "When will the skeleton go on show?", "2028", "the spring of 2028"},
		{"a dollar's country", "The coach signed a deal worth A$1.2 million a season.", "What is the deal worth?", "A$1.2 million", "A$1.2 million a season"},
		{"part of a day", "The river is expected to peak at Marsham on Monday evening.", "When will the river peak?", "Monday", "Monday evening"},
		{"time of day qualified, with its day", "The fire broke out shortly after 2 p.m. on Monday near the depot.", "When did the fire start?", "2 p.m.", "shortly after 2 p.m. on Monday"},
		{"part of a year", "The takeover should be completed in the second quarter of 2027.", "When will the takeover be completed?", "2027", "the second quarter of 2027"},
		{"end of a month", "The plant will shut at the end of September with the loss of 300 jobs.", "When will the plant shut?", "September", "the end of September"},
		{"time of day before its day", "Police declared a major incident at 11.15pm on Wednesday as the river rose.", "When was the incident declared?", "Wednesday", "11.15pm on Wednesday"},
		{"time of day before its date", "The funeral will be held at 11am on 12 December in Inverness.", "When is the funeral?", "12 December", "11am on 12 December"},
		{"time of day picked, with its date", "The funeral will be held at 11am on 12 December in Inverness.", "What time is the funeral?", "11am", "11am on 12 December"},
		{"part of a day of a date", "The bird was first seen on the morning of Dec 1 by a warden.", "When was the bird first seen?", "Dec 1", "the morning of Dec 1"},
		{"span of years", "Roe served as finance minister from 2016 to 2020 under two premiers.", "When was Roe finance minister?", "2020", "from 2016 to 2020"},
		{"noun asked", "Eleven traders were killed at the Ghazl pet market on Friday.", "At which market were the traders killed?", "Ghazl pet", "the Ghazl pet market"},
		{"a body's noun asked", "But the Unite hospitality union criticised the closure.", "Which union criticised the closure?", "Unite hospitality", "the Unite hospitality union"},
		{"a person's name and a noun", "Graham MacIsaac said the firm is owned by the MacIsaac family, as it always was.", "Who owns the firm?", "MacIsaac family", "the MacIsaac family"},
		{"the noun whose name is asked", "Crews are fighting the Juniper Gap fire near the town.", "What is the fire called?", "Juniper Gap", "the Juniper Gap fire"},
		{"a place in the place picked", "The chain's flagship shop on Corporation Street in Birmingham will close.", "Where is the chain's flagship shop?", "Birmingham", "Corporation Street in Birmingham"},
		{"no body before a place", "She gave an interview to Reuters in London on Monday.", "Where did she give the interview?", "London", "London"},
		{"no place before a place of another question", "The chain's shop on Corporation Street in Birmingham will close.", "Which city is the shop in?", "Birmingham", "Birmingham"},
		{"no part of a period a noun follows", "Hale will stay until the end of the 2027 season, the club said.", "Until when will Hale stay?", "2027", "2027"},
		{"the end of the year", "The firm plans to apply for approval before the end of the year.", "When will the firm apply for approval?", "year", "before the end of the year"},
		{"near a place", "Her family has farmed near Varginha for three generations.", "Where is the family's farm?", "Varginha", "near Varginha"},
		{"a body's the", "The bill now goes to the Senate for a final vote.", "Where does the bill go next?", "Senate", "the Senate"},
		{"no the before a modifier", "He worked at the Dover office for a decade.", "Where did he work?", "Dover", "Dover"},
		{"the before a name and its verb", "The River Dunn burst its banks on Sunday.", "Which river flooded?", "River Dunn", "The River Dunn"},
		{"person after a title", "Burns held talks with the Indian Foreign Secretary, Shyam Saran, on Friday.", "Who did Burns hold talks with?", "Indian Foreign Secretary", "Shyam Saran"},
		{"person after a title ending the sentence", "Burns met the Indian Foreign Secretary, Shyam Saran.", "Who did Burns meet?", "Indian Foreign Secretary", "Shyam Saran"},
		{"no person after a place", "Police arrested a man in Dover, Tom Hale said.", "Who did police arrest?", "Dover", "Dover"},
		{"between two numbers", "The comet's core is between 3 and 8 kilometres wide.", "How big is the core?", "3 and 8 kilometres wide", "between 3 and 8 kilometres wide"},
		{"within a time", "The regulator must hold a new hearing within 90 days of the ruling.", "How long does the regulator have?", "90", "within 90 days"},
		{"a count's other", "Vets will test 41 other flocks in the county this week.", "How many flocks will be tested?", "41", "41 other flocks"},
		{"part and whole", "Inspectors found damp in 29 of the 38 flats they visited.", "What did the inspectors find?", "29", "29 of the 38 flats"},
		{"a deadline at a part of a month", "The report is due by the end of May, the inquiry said.", "When is the report due?", "May", "by the end of May"},
		{"a sum set off before its period", "The council will spend $240,000, over three years, on the scheme.", "How much will the council spend?", "$240,000", "$240,000"},
		{"a deadline", "Pharmacies must clear the shelves by Friday, the regulator said.", "When must the shelves be cleared?", "Friday", "by Friday"},
		{"a longer qualifier first", "The appeal has raised just over £48,000 for the hospice.", "How much has the appeal raised?", "£48,000", "just over £48,000"},
		{"an estimate", "An estimated 180,000 spectators lined the course.", "How many spectators watched?", "180,000", "An estimated 180,000 spectators"},
		{"a sum over a period", "The council will spend $240,000 over three years on the scheme.", "How much will the council spend?", "$240,000", "$240,000 over three years"},
		{"a sum over the next period", "The fund will pay out £5m over the next two years.", "How much will the fund pay out?", "£5m", "£5m over the next two years"},
		{"a measure's dimension", "The tornado's track was 14 miles long, the weather service said.", "How long was the track?", "14", "14 miles long"},
		{"a noun phrase's article", "She came back to the Highlands to work as a district nurse.", "What job did she come back to do?", "district nurse", "a district nurse"},
		{"tally from its second number", "The council voted by 34 votes to 29 to close the pool.", "What was the result of the council vote?", "29", "34 votes to 29"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustArticle(t, "Headline\n"+tt.sentence+"\n")
			e := New([]*Article{a}, DefaultOptions())
			q, err := e.ParseQuestion(tt.question)
			if err != nil {
				t.Fatal(err)
			}
			ask, ok := askOf(q)
			if !ok {
				t.Fatalf("%q asks for no short answer", tt.question)
			}
			var seen []phrase
			txt, toks := e.eachSpan(q, ask, 1, func(p phrase, _ *span.Vector) { seen = append(seen, p) })
			f := &factReader{e: e, q: q, ask: ask, txt: txt, toks: toks, seen: seen}
			for _, p := range seen {
				if phraseText(txt, toks, p) != tt.picked {
					continue
				}
				got := f.whole(p)
				if text := phraseText(txt, toks, got); text != tt.want {
					t.Errorf("%q widens to %q, want %q", tt.picked, text, tt.want)
				}
				// Widened, a phrase holds what was picked; a phrase of another
				// kind replaces it (the person, the number).
				if got.end-got.start > maxShortAnswer || got.typ == p.typ && (got.start > p.start || got.end < p.end) {
					t.Errorf("%q widens to tokens [%d, %d), not a short answer that holds [%d, %d)", tt.picked, got.start, got.end, p.start, p.end)
				}
				return
			}
			t.Fatalf("%q is not proposed", tt.picked)
		})
	}
}

// TestCountryLetters checks the letters a dollar sign may carry before it.
func TestCountryLetters(t *testing.T) {
	tests := []struct {
		before string
		want   int
	}{
		{"worth A", 1},
		{"worth US", 2},
		{"(HK", 2},
		{"A", 1},
		{"worth HQK", 0},
		{"worthA", 0},
		{"worth ", 0},
	}
	for _, tt := range tests {
		t.Run(tt.before, func(t *testing.T) {
			if got := countryLetters(tt.before); got != tt.want {
				t.Errorf("countryLetters(%q) = %d, want %d", tt.before, got, tt.want)
			}
		})
	}
}
