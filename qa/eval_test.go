package qa

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/articlebot/articlebot/qa/span"
)

// The development sets of ../shared/eval, copied into testdata/eval with
// their licences, scored the way the outside scorers (score_qa.py,
// score_quotes.py, score_summary.py) score them. The floors are the
// issue's; a change that drops below one fails here before it ships.

// summarySets have a reference summary; shortSets short answers.
var (
	summarySets = []string{"seed", "kenya_annan_warning", "us_senate_bailout"}
	shortSets   = []string{"seed", "kenya_annan_warning", "us_senate_bailout", "blind_transit", "blind_transfer", "blind_climate"}
)

// QA floors: share of questions right (answered with the speaker, or
// declined when the article does not answer). They are what the learned
// ranker measures, less a little (see README's quality table), and on news
// the issue's: 75% pooled (76.3% measured) and 70% a half.
const (
	newsQAFloor     = 0.75 // the 17 development news articles, pooled: the floor
	newsHalfQAFloor = 0.70 // each half (A: the 1st, 3rd, … in name order; B: the rest)
	seedQAFloor     = 0.90 // the seed article, the one a newcomer asks about
	blindQAFloor    = 0.57 // the blind sets with questions, pooled: 58.0% with blind_b13_* and blind_b14_* (43% and 58% on their first run)

	// Of the news questions the articles do not answer, the share
	// declined.
	newsDeclineFloor = 0.60

	// All 17 news articles in one engine: the answerable questions answered
	// right from their own article (measured 72.5%; the floor), and
	// from their own article at all (87.9%; 88.3% when this floor was first
	// set). A question declined counts against the second, and each refit
	// of the decliner moves a question or two; six of the 240 are answered
	// from another article.
	manyArticlesFloor      = 0.70
	manyArticlesRouteFloor = 0.87

	// Short answers (score_short.py) of the sets that have them (the span
	// model gets 75.9%; the hand rules it replaced, tuned on these sets,
	// 89.7%, and 37.5% of the 17 news articles' where the model gets
	// 51.0%), and the conversations of the 17 news articles, the seed's
	// among them (their followups.jsonl, 92 questions; the floor),
	// and of the seed alone (8): both depend on the passage ranked first.
	shortFloor        = 0.75
	followUpFloor     = 0.75
	seedFollowUpFloor = 0.85
)

type goldQA struct {
	Q       string          `json:"q"`
	Accept  []string        `json:"accept"`
	Speaker *string         `json:"speaker"`
	Type    string          `json:"type"`
	Short   json.RawMessage `json:"short"` // a string or a list of alternatives
}

// shorts returns the accepted short answers of a gold line.
func (g goldQA) shorts(t *testing.T) []string {
	if len(g.Short) == 0 {
		return nil
	}
	var one string
	if json.Unmarshal(g.Short, &one) == nil {
		return []string{one}
	}
	var many []string
	if err := json.Unmarshal(g.Short, &many); err != nil {
		t.Fatalf("short of %q: %v", g.Q, err)
	}
	return many
}

type goldQuote struct {
	Quote   string `json:"quote"`
	Speaker string `json:"speaker"`
}

// TestEvalQA is score_qa.py on the development news articles and on the
// blind sets with questions.
func TestEvalQA(t *testing.T) {
	t.Run("news", func(t *testing.T) {
		var all, half [2]qaTally
		var seed qaTally
		for i, name := range newsSets {
			r := evalQA(t, name)
			all[0].add(r)
			half[i%2].add(r)
			if name == "seed" {
				seed = r
			}
		}
		t.Logf("pooled %s; half A %s; half B %s", all[0], half[0], half[1])
		all[0].floor(t, "news pooled", newsQAFloor)
		half[0].floor(t, "news half A", newsHalfQAFloor)
		half[1].floor(t, "news half B", newsHalfQAFloor)
		seed.floor(t, "seed", seedQAFloor)
		if got := all[0].declineShare(); got < newsDeclineFloor {
			t.Errorf("news unanswerable declined = %.1f%%, want at least %.0f%%", 100*got, 100*newsDeclineFloor)
		}
	})
	t.Run("blind", func(t *testing.T) {
		dirs, err := filepath.Glob("testdata/eval/blind_*/qa.jsonl")
		if err != nil || len(dirs) == 0 {
			t.Fatalf("no blind sets with questions: %v", err)
		}
		var all qaTally
		for _, path := range dirs {
			all.add(evalQA(t, filepath.Base(filepath.Dir(path))))
		}
		t.Logf("pooled %s", all)
		all.floor(t, "blind pooled", blindQAFloor)
	})
}

// newsArticles reads the 17 news articles, in the order of newsSets.
func newsArticles(t *testing.T) []*Article {
	t.Helper()
	articles := make([]*Article, len(newsSets))
	for i, name := range newsSets {
		articles[i] = readArticle(t, filepath.Join("testdata/eval", name, "article.txt"))
	}
	return articles
}

// TestEvalManyArticles loads the 17 news articles into one engine, as a
// seeds folder of them, and asks each article's answerable questions: an
// answer is right from its own article alone, with the speaker.
func TestEvalManyArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("asks every answerable question of the 17 news articles at once")
	}
	articles := newsArticles(t)
	e := New(articles, DefaultOptions())
	var right, fromIt, total int
	for i, name := range newsSets {
		var golds []goldQA
		readJSONL(t, filepath.Join("testdata/eval", name, "qa.jsonl"), &golds)
		for _, g := range golds {
			if g.Accept == nil {
				continue
			}
			total++
			answers, _ := e.Ask(g.Q, 1)
			if len(answers) == 0 || answers[0].Article != articles[i].Title {
				continue
			}
			fromIt++
			if qaRight(g, answers) {
				right++
			}
		}
	}
	got, gotArticle := float64(right)/float64(total), float64(fromIt)/float64(total)
	t.Logf("right %.1f%% (%d/%d), from the right article %.1f%% (%d/%d)", 100*got, right, total, 100*gotArticle, fromIt, total)
	if got < manyArticlesFloor || gotArticle < manyArticlesRouteFloor {
		t.Errorf("right %.1f%%, from the right article %.1f%%; want at least %.0f%% and %.0f%%",
			100*got, 100*gotArticle, 100*manyArticlesFloor, 100*manyArticlesRouteFloor)
	}
}

// TestArticleAmongMany checks that an article among many is ranked as if it
// were alone: every question of each of the 17 news articles, asked of an
// engine of all of them, gets the best answer it gets from an engine of
// its article alone, whether the question is kept to the article
// (Question.Within) or routed to it: the same passage, credited to the
// same speaker. (The words in bold may differ, and lower passages: the
// articles share their people and names, and what is known of a name in
// one article is known in all.)
func TestArticleAmongMany(t *testing.T) {
	if testing.Short() {
		t.Skip("asks every question of the 17 news articles twice")
	}
	articles := newsArticles(t)
	many := New(articles, DefaultOptions())
	alone := make(map[*Article]*Engine)
	for _, a := range articles {
		alone[a] = New([]*Article{a}, DefaultOptions())
	}
	best := func(e *Engine, q *Question) string {
		answers := e.Answer(q, 1)
		if len(answers) == 0 {
			return "(declined)"
		}
		return fmt.Sprintf("%s (%s)", answers[0].Text, answers[0].Speaker)
	}
	ask := func(e *Engine, txt string) *Question {
		q, err := e.ParseQuestion(txt)
		if err != nil {
			t.Fatalf("ParseQuestion(%q): %v", txt, err)
		}
		return q
	}
	var kept, routed int
	for i, name := range newsSets {
		var golds []goldQA
		readJSONL(t, filepath.Join("testdata/eval", name, "qa.jsonl"), &golds)
		for _, g := range golds {
			q := ask(many, g.Q)
			q.Within(articles[i])
			if got, want := best(many, q), best(alone[articles[i]], ask(alone[articles[i]], g.Q)); got != want {
				t.Errorf("%s: %q kept to its article:\n got %s\nwant %s", name, g.Q, got, want)
			}
			kept++
			q = ask(many, g.Q)
			got := best(many, q)
			if q.within == nil || got == "(declined)" {
				continue // declined in all the articles, or in the one it was routed to
			}
			if want := best(alone[q.within], ask(alone[q.within], g.Q)); got != want {
				t.Errorf("%s: %q routed to %q:\n got %s\nwant %s", name, g.Q, q.within.Title, got, want)
			}
			routed++
		}
	}
	t.Logf("%d questions kept to their article, %d routed and answered", kept, routed)
}

// A qaTally counts questions right: answerable and unanswerable.
type qaTally struct {
	right, total           int
	declined, unanswerable int
}

func (a *qaTally) add(b qaTally) {
	a.right += b.right
	a.total += b.total
	a.declined += b.declined
	a.unanswerable += b.unanswerable
}

func (a qaTally) share() float64 { return float64(a.right) / float64(max(a.total, 1)) }

func (a qaTally) declineShare() float64 {
	return float64(a.declined) / float64(max(a.unanswerable, 1))
}

func (a qaTally) String() string {
	return fmt.Sprintf("%.1f%% (%d/%d, unanswerable declined %d/%d)", 100*a.share(), a.right, a.total, a.declined, a.unanswerable)
}

func (a qaTally) floor(t *testing.T, what string, floor float64) {
	t.Helper()
	if a.share() < floor {
		t.Errorf("%s qa = %s, want at least %.0f%%", what, a, 100*floor)
	}
}

// evalQA asks a set's questions and tallies the answers, logging misses.
func evalQA(t *testing.T, name string) qaTally {
	e := evalEngine(t, name)
	var golds []goldQA
	readJSONL(t, filepath.Join("testdata/eval", name, "qa.jsonl"), &golds)
	var r qaTally
	for _, g := range golds {
		answers, err := e.Ask(g.Q, 3)
		if err != nil {
			t.Fatalf("%s: Ask(%q): %v", name, g.Q, err)
		}
		r.total++
		if g.Accept == nil {
			r.unanswerable++
		}
		if qaRight(g, answers) {
			r.right++
			if g.Accept == nil {
				r.declined++
			}
		} else {
			t.Logf("%s: miss: %q → %v", name, g.Q, firstText(answers))
		}
	}
	return r
}

// TestEvalShort is score_short.py: for questions with a short answer, the
// top answer's highlight holds it in at most six words.
func TestEvalShort(t *testing.T) {
	right, total := 0, 0
	for _, name := range shortSets {
		e := evalEngine(t, name)
		var golds []goldQA
		readJSONL(t, filepath.Join("testdata/eval", name, "qa.jsonl"), &golds)
		for _, g := range golds {
			shorts := g.shorts(t)
			if shorts == nil {
				continue
			}
			total++
			answers, _ := e.Ask(g.Q, 1)
			h := ""
			if len(answers) > 0 {
				h = normText(answers[0].Highlight)
			}
			ok := false
			for _, s := range shorts {
				ok = ok || h != "" && strings.Contains(h, normText(s)) && len(strings.Fields(h)) <= maxShortAnswer
			}
			if ok {
				right++
			} else {
				t.Logf("miss: %q: got %q, want %q", g.Q, h, shorts)
			}
		}
	}
	got := float64(right) / float64(total)
	t.Logf("short: %.1f%% (%d/%d)", 100*got, right, total)
	if got < shortFloor {
		t.Errorf("short answers = %.1f%%, want at least %.0f%%", 100*got, 100*shortFloor)
	}
}

// TestEvalFollowUps plays the news sets' followups.jsonl as `ask
// --follow` does: one conversation after another, a blank question
// starting the next. The seed's are held to their own floor.
func TestEvalFollowUps(t *testing.T) {
	var right, total, seedRight, seedTotal int
	for _, name := range newsSets {
		path := filepath.Join("testdata/eval", name, "followups.jsonl")
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			continue // a few sets have no conversations
		}
		e := evalEngine(t, name)
		var golds []goldQA
		readJSONL(t, path, &golds)
		var c Conversation
		now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
		for _, g := range golds {
			if g.Type == "reset" {
				c.Reset()
				continue
			}
			now = now.Add(time.Minute)
			answers, err := e.Follow(&c, g.Q, 3, now)
			if err != nil {
				t.Logf("%s: %q: %v", name, g.Q, err)
			}
			total++
			if name == "seed" {
				seedTotal++
			}
			if !qaRight(g, answers) {
				t.Logf("%s: miss: %q → %v", name, g.Q, firstText(answers))
				continue
			}
			right++
			if name == "seed" {
				seedRight++
			}
		}
	}
	for _, f := range []struct {
		name         string
		right, total int
		floor        float64
	}{{"news", right, total, followUpFloor}, {"seed", seedRight, seedTotal, seedFollowUpFloor}} {
		got := float64(f.right) / float64(f.total)
		t.Logf("%s follow-ups: %.1f%% (%d/%d)", f.name, 100*got, f.right, f.total)
		if got < f.floor {
			t.Errorf("%s follow-ups = %.1f%%, want at least %.0f%%", f.name, 100*got, 100*f.floor)
		}
	}
}

// newsSets are the development news articles of ../shared/eval, copied
// with their licences: the seed and sixteen Wikinews articles.
var newsSets = []string{"seed", "afghan_robotics", "australia_boat_pushbacks", "baghdad_market_bombings",
	"burns_india_nuclear", "bush_mideast_trip", "dakar_rally_cancelled", "france_belgium_semifinal",
	"french_gaddafi_money", "kenya_annan_warning", "libya_advisers_misrata", "mh370_maldives_debris",
	"north_korea_rocket", "origami_robot", "policeman_insurance_fraud", "us_senate_bailout",
	"zimbabwe_cabinet_boycott"}

// attributionSets are fictional articles written blind for the shapes of
// attribution (see testdata/eval/BLIND.md).
var attributionSets = []string{"blind_climate", "blind_transfer", "blind_transit",
	"blind_attr_charity_fraud_sentencing", "blind_attr_ice_shelf_study", "blind_attr_kenya_somalia_talks",
	"blind_attr_lagos_floods", "blind_attr_norland_retention_deal", "blind_attr_pension_confidence_vote",
	"blind_attr_westmoor_title", "blind_attr_wroxham_bridge",
	"blind_news_bus_strike", "blind_news_byelection_count", "blind_news_court_embezzlement",
	"blind_news_football_draw", "blind_news_halden_results", "blind_news_lisbon_summit",
	"blind_news_lowell_obituary", "blind_news_stadium_vote", "blind_news_tropical_storm",
	"blind_news_walking_dementia",
	"blind_b3_ashford_cup_final", "blind_b3_corvex_sparrowline_merger", "blind_b3_dunmore_glass_closure",
	"blind_b3_kestrel_port_lease", "blind_b3_lake_varna_plastic_bacteria", "blind_b3_northmoor_election_count",
	"blind_b3_st_columbas_nurses_strike", "blind_b3_storm_ilse_floods",
	"blind_b4_brewery_takeover", "blind_b4_council_mill_homes", "blind_b4_football_derby",
	"blind_b4_hospice_fraud_sentence", "blind_b4_rail_landslip", "blind_b4_river_treaty",
	"blind_b4_storm_floods", "blind_b4_walking_heart_study",
	"blind_b5_ashby_rovers_semifinal", "blind_b5_carers_leave_vote", "blind_b5_dunvale_flash_floods",
	"blind_b5_ferry_licence_appeal", "blind_b5_halvard_brewing_results", "blind_b5_obit_elena_marsh",
	"blind_b5_southgate_tram_delay", "blind_b5_walking_dementia_study",
	"blind_b6_brennock_boat", "blind_b6_carrow_verdict", "blind_b6_juniper_gap_fire", "blind_b6_kelbourne_waits",
	"blind_b6_osterland_rates", "blind_b6_valmora_tour", "blind_b6_veltrane_breach", "blind_b6_wrenford_budget",
	"blind_b7_bank_robbery_verdict", "blind_b7_brannock_job_cuts", "blind_b7_copper_ridge_fire",
	"blind_b7_meridian_fishing_pact", "blind_b7_red_dwarf_planet", "blind_b7_skylark_routes",
	"blind_b7_tram_budget_row", "blind_b7_valmont_tennis_final",
	"blind_b8_cup_final_football", "blind_b8_fitness_app_breach", "blind_b8_maternity_unit_consultation",
	"blind_b8_migraine_drug_trial", "blind_b8_mine_rescue", "blind_b8_painter_obituary",
	"blind_b8_party_leadership_vote", "blind_b8_quarry_appeal_ruling",
	"blind_b9_ghent_museum_theft", "blind_b9_glacia_satellite_delay", "blind_b9_guyana_suriname_border_talks",
	"blind_b9_halifax_bus_fares", "blind_b9_iowa_bird_flu", "blind_b9_leeds_landlord_ruling",
	"blind_b9_marchmont_bank_warning", "blind_b9_tatras_cycling_stage",
	"blind_b10_car_plant_closure", "blind_b10_chess_world_title", "blind_b10_detective_jailed",
	"blind_b10_ferry_inquiry", "blind_b10_film_festival_prize", "blind_b10_hosepipe_ban",
	"blind_b10_rent_cap_vote", "blind_b10_viking_ship_find",
	"blind_b11_breast_screening_error", "blind_b11_kiel_canal_blockage", "blind_b11_library_closures_row",
	"blind_b11_rugby_flyhalf_transfer", "blind_b11_supermarket_price_war", "blind_b11_tenerife_volcano_alert",
	"blind_b11_text_scam_sentencing", "blind_b11_zoo_okapi_calf",
	"blind_b12_basketball_coach_sacked", "blind_b12_charity_boss_fraud_trial", "blind_b12_coastal_erosion_scheme",
	"blind_b12_coffee_price_spike", "blind_b12_exam_marking_scandal", "blind_b12_farmer_comet_discovery",
	"blind_b12_hanoi_metro_tunnel", "blind_b12_shetland_rare_robin",
	"blind_b13_art_auction_record", "blind_b13_drought_restrictions", "blind_b13_drug_recall",
	"blind_b13_hospital_merger", "blind_b13_marathon_record", "blind_b13_mayor_resignation",
	"blind_b13_shipwreck_salvage", "blind_b13_train_strike_ballot",
	"blind_b14_council_ransomware", "blind_b14_dam_crack", "blind_b14_dinosaur_fossil",
	"blind_b14_orchestra_strike", "blind_b14_racehorse_doping", "blind_b14_retailer_administration",
	"blind_b14_school_closure", "blind_b14_wolf_escape",
	"blind_b15_cat_curfew_vote", "blind_b15_cook_strait_swim", "blind_b15_fish_plant_closure",
	"blind_b15_gp_defamation_award", "blind_b15_kansas_tornado", "blind_b15_kolkata_bookshop",
	"blind_b15_measles_outbreak", "blind_b15_seabird_recovery",
	"blind_b16_bank_app_outage", "blind_b16_cash_van_heist", "blind_b16_exam_paper_leak",
	"blind_b16_ferry_engine_failure", "blind_b16_marathon_course_short", "blind_b16_mayor_recount_tie",
	"blind_b16_mountain_rescuer_obituary", "blind_b16_river_fish_kill",
	"blind_b17_brandao_transfer_saga", "blind_b17_glasgow_festival_sponsor_row", "blind_b17_mayo_ward_closure",
	"blind_b17_nakuru_sacco_fraud", "blind_b17_nashik_ward_recount", "blind_b17_oregon_container_spill",
	"blind_b17_otways_bushfire_evacuation", "blind_b17_saskatoon_plastic_enzyme",
	"blind_b18_central_bank_rate_hold", "blind_b18_chef_restaurant_closure", "blind_b18_flood_defence_approved",
	"blind_b18_missing_hiker_found", "blind_b18_rare_bird_sighting", "blind_b18_teachers_pay_strike",
	"blind_b18_tech_company_layoffs", "blind_b18_train_derailment_inquiry",
	"blind_b19_airport_drone_closure", "blind_b19_cricket_test_collapse", "blind_b19_housing_tribunal_eviction",
	"blind_b19_museum_repatriation", "blind_b19_pipeline_leak_fine", "blind_b19_stadium_naming_rights",
	"blind_b19_vaccine_cold_chain", "blind_b19_wine_frost_harvest",
	"blind_wire_committee_waterregulator", "blind_wire_drugtrial_kidney",
	"blind_wire_festival_cancelled", "blind_wire_murder_appeal", "blind_wire_museum_theft",
	"blind_wire_schoolboard_maplegrove", "blind_wire_techlayoff_latticeforge",
	"blind_wire_tennis_final", "blind_wire_trade_talks", "blind_wire_wildfire_pinehollow"}

// Floors of quotations credited to the right speaker: on the news
// articles pooled and each, the seed article, and the blind articles.
const (
	quotesPooledFloor  = 0.85
	quotesArticleFloor = 0.60
	quotesBlindFloor   = 0.90
)

// TestEvalQuotes is score_quotes.py: each gold quotation, in order, is
// found in the first quotation not yet matched whose words hold its
// opening words, and must be credited to its speaker (full name or last
// word).
func TestEvalQuotes(t *testing.T) {
	pool := func(t *testing.T, sets []string, floor float64) (right, total int) {
		for _, name := range sets {
			r, n := quotesRight(t, name)
			t.Logf("%s: %d/%d", name, r, n)
			switch got := float64(r) / float64(n); {
			case name == "seed" && r != n:
				t.Errorf("%s: quotes attributed = %.1f%%, want 100%%", name, 100*got)
			case got < floor:
				t.Errorf("%s: quotes attributed = %.1f%%, want at least %.0f%%", name, 100*got, 100*floor)
			}
			right += r
			total += n
		}
		return right, total
	}
	t.Run("news", func(t *testing.T) {
		right, total := pool(t, newsSets, quotesArticleFloor)
		got := float64(right) / float64(total)
		t.Logf("pooled: %.1f%% (%d/%d)", 100*got, right, total)
		if got < quotesPooledFloor {
			t.Errorf("pooled quotes attributed = %.1f%%, want at least %.0f%%", 100*got, 100*quotesPooledFloor)
		}
	})
	t.Run("blind", func(t *testing.T) {
		right, total := pool(t, attributionSets, 0)
		got := float64(right) / float64(total)
		t.Logf("pooled: %.1f%% (%d/%d)", 100*got, right, total)
		if got < quotesBlindFloor {
			t.Errorf("pooled quotes attributed = %.1f%%, want at least %.0f%%", 100*got, 100*quotesBlindFloor)
		}
	})
}

// quotesRight counts the gold quotations of a set credited right.
func quotesRight(t *testing.T, name string) (right, total int) {
	e := evalEngine(t, name)
	var golds []goldQuote
	readJSONL(t, filepath.Join("testdata/eval", name, "quotes.jsonl"), &golds)
	quotes := e.Quotes()
	used := make(map[int]bool)
	for _, g := range golds {
		key := strings.Trim(normText(g.Quote), " .,;:'\"")
		found := -1
		for i, q := range quotes {
			if !used[i] && strings.Contains(normText(q.Text), key) {
				found = i
				break
			}
		}
		if found < 0 {
			t.Logf("%s: not found: %q", name, g.Quote)
			continue
		}
		used[found] = true
		got := ""
		if s := quotes[found].Speaker; s != nil {
			got = s.Name
		}
		if speakerMatches(g.Speaker, got) {
			right++
		} else {
			t.Logf("%s: wrong speaker for %q: got %q, want %q", name, g.Quote, got, g.Speaker)
		}
	}
	return right, len(golds)
}

// TestEvalSummary checks that the summaries beat the lead-3 baseline on
// average in ROUGE-1, length-controlled: each summary is cut to the word
// count of the first three sentences.
func TestEvalSummary(t *testing.T) {
	var ours, lead float64
	for _, name := range summarySets {
		e := evalEngine(t, name)
		ref, err := os.ReadFile(filepath.Join("testdata/eval", name, "summary.txt"))
		if err != nil {
			t.Fatal(err)
		}
		sents, err := e.Summary(e.Articles()[0], 3)
		if err != nil {
			t.Fatal(err)
		}
		leadWords := rougeWords(lead3(t, name))
		got := rougeWords(strings.Join(sents, " "))
		if len(got) > len(leadWords) {
			got = got[:len(leadWords)]
		}
		r, l := span.OverlapF1(rougeWords(string(ref)), got), span.OverlapF1(rougeWords(string(ref)), leadWords)
		t.Logf("%s: ROUGE-1 %.3f, lead-3 %.3f", name, r, l)
		ours += r
		lead += l
	}
	if ours < lead {
		t.Errorf("summary ROUGE-1 %.3f in all, below lead-3's %.3f", ours, lead)
	}
}

func evalEngine(t *testing.T, name string) *Engine {
	t.Helper()
	return New([]*Article{readArticle(t, filepath.Join("testdata/eval", name, "article.txt"))}, DefaultOptions())
}

// readArticle reads an article file.
func readArticle(t *testing.T, path string) *Article {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := ParseArticle(path, f)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func readJSONL[T any](t *testing.T, path string, out *[]T) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		*out = append(*out, v)
	}
}

// qaRight is score_qa.py's test: the top answer holds an accepted
// substring in at most 600 characters and credits the speaker; an
// unanswerable question gets no answer.
func qaRight(g goldQA, answers []Answer) bool {
	if g.Accept == nil {
		return len(answers) == 0
	}
	if len(answers) == 0 || len(answers[0].Text) > 600 {
		return false
	}
	text := normText(answers[0].Text)
	for _, acc := range g.Accept {
		if strings.Contains(text, normText(acc)) {
			return g.Speaker == nil || speakerMatches(*g.Speaker, answers[0].Speaker)
		}
	}
	return false
}

var wordRE = regexp.MustCompile(`[\w'-]+`)

// speakerMatches accepts the full name or its last word, as the scorers do.
func speakerMatches(want, got string) bool {
	w, g := normText(want), normText(got)
	if g == "" {
		return false
	}
	if strings.Contains(g, w) {
		return true
	}
	wantWords := wordRE.FindAllString(w, -1)
	last := wantWords[len(wantWords)-1]
	for _, x := range wordRE.FindAllString(g, -1) {
		if x == last {
			return true
		}
	}
	return false
}

// normText is score_qa.py's norm (but for NFKC, which these texts do not
// need).
func normText(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "…", "...", "—", "-", "–", "-").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func firstText(answers []Answer) string {
	if len(answers) == 0 {
		return "(no answer)"
	}
	return answers[0].Text
}

// lead3 is score_summary.py's baseline: the first three sentences of the
// body, split where a sentence end, then space, meets an ASCII capital or an
// opening quote.
func lead3(t *testing.T, name string) string {
	data, err := os.ReadFile(filepath.Join("testdata/eval", name, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	body := []rune(strings.Join(lines[1:], " "))
	var sents []string
	start := 0
	for i := 1; i < len(body) && len(sents) < 3; i++ {
		if !unicode.IsSpace(body[i]) || !strings.ContainsRune(`.!?"”’`, body[i-1]) {
			continue
		}
		j := i
		for j < len(body) && unicode.IsSpace(body[j]) {
			j++
		}
		if j < len(body) && (body[j] == '"' || body[j] == '“' || body[j] >= 'A' && body[j] <= 'Z') {
			sents = append(sents, string(body[start:i]))
			start, i = j, j
		}
	}
	if len(sents) < 3 {
		sents = append(sents, string(body[start:]))
	}
	return strings.Join(sents, " ")
}

var rougeTokenRE = regexp.MustCompile(`[a-z0-9]+`)

func rougeWords(s string) []string { return rougeTokenRE.FindAllString(strings.ToLower(s), -1) }
