package coder

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/geo"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/source"
)

var (
	stdOnce  sync.Once
	stdCoder *Coder
	stdErr   error
)

// standardCoder builds the coder with the embedded models and built-in lexicon; it skips when the NLP
// models are not built.
func standardCoder(tb testing.TB) *Coder {
	tb.Helper()
	p, err := nlp.Load()
	if err != nil {
		tb.Skipf("NLP models not built (go run ./cmd/dyad train): %v", err)
	}
	stdOnce.Do(func() {
		var (
			lex *lexicon.Lexicon
			ont *ontology.Ontology
			gaz *geo.Gazetteer
		)
		if lex, stdErr = lexicon.Builtin(); stdErr != nil {
			return
		}
		if ont, stdErr = ontology.Default(); stdErr != nil {
			return
		}
		if gaz, stdErr = geo.Default(); stdErr != nil {
			return
		}
		stdCoder, stdErr = New(Options{Pipeline: p, Lexicon: lex, Ontology: ont, Gazetteer: gaz, IncludeNegated: true})
	})
	if stdErr != nil {
		tb.Fatal(stdErr)
	}
	return stdCoder
}

func codeText(tb testing.TB, c *Coder, text, date string) []event.Event {
	tb.Helper()
	pub, err := time.Parse("2006-01-02", date)
	if err != nil {
		tb.Fatal(err)
	}
	evs, err := c.Code(context.Background(), &source.Document{ID: "t", Text: text, Published: pub})
	if err != nil {
		tb.Fatal(err)
	}
	return evs
}

// short is "SRC TGT ROOT" with "-" for a missing target, at country level.
func short(e *event.Event) string {
	tgt := "-"
	if e.Target != nil {
		tgt = keyOf(e.Target)
	}
	return keyOf(e.Source) + " " + tgt + " " + e.Root
}

func keyOf(a *event.Actor) string {
	if a.Country != "" {
		return a.Country
	}
	return a.Code[:min(3, len(a.Code))]
}

// The sentences are the project's own. Each case names the mechanism it checks.
func TestCodeMechanisms(t *testing.T) {
	c := standardCoder(t)
	tests := []struct {
		name, text string
		want       []string
		not        []string // events that must not be coded
	}{
		{"plain verb", "Kenyan police arrested three opposition activists in Nairobi on Tuesday.", []string{"KEN KEN 17"}, nil},
		{"passive with agent", "The opposition leader was arrested by Kenyan police on Tuesday.", []string{"KEN KEN 17"}, nil},
		{"visit with preposition", "The German chancellor traveled to Ukraine on Monday.", []string{"DEU UKR 04"}, nil},
		{"light verb", "Egypt held talks with Israel on Sunday.", []string{"EGY ISR 04"}, nil},
		{"coordinated sources", "France and Germany condemned Russia's attack on Ukraine.", []string{"DEU RUS 11", "FRA RUS 11", "RUS UKR 19"}, nil},
		{"reciprocal signing", "Brazil and Argentina signed a trade agreement on Friday.", []string{"ARG BRA 05", "BRA ARG 05"}, nil},
		{"capital as government", "Washington imposed sanctions on Iran on Monday.", []string{"USA IRN 16"}, nil},
		{"nominal event", "The arrest of the journalist by Turkish police drew protests.", []string{"TUR TUR 17"}, nil},
		{"non-political", "Manchester United beat Chelsea 2-1 in the Premier League on Sunday.", nil, nil},
		{"coordinated adjectives", "Saudi and Emirati jets bombed Houthi positions near Hodeidah on Friday.", []string{"ARE YEM 19", "SAU YEM 19"}, nil},
		{"infinitive keeps its words", "Armenia and Georgia agreed on Monday to keep working on a border treaty.", []string{"ARM GEO 03", "GEO ARM 03"}, []string{"ARM GEO 05"}},
		{"actor modifying an event noun", "Afghanistan condemned the Pakistani air strike on Kabul.", []string{"AFG PAK 11", "PAK AFG 19"}, nil},
		{"role noun over coordinated actors", "The presidents of Ghana and Togo signed a border agreement on Monday.", []string{"GHA TGO 05", "TGO GHA 05"}, nil},
		{"reason is not reported", "Kenya's president thanked Uganda on Friday for sending troops to fight rebels in the north.", []string{"KEN UGA 05"}, []string{"KEN KEN 15", "KEN KEN 19"}},
		{"refusal to comment", "The Kenyan foreign minister said he would not comment on the report.", []string{"KEN - 01"}, nil},
		{"owner of a thing", "Turkish jets struck bases used by Kurdish militants in northern Iraq on Sunday.", []string{"TUR IRQ 19"}, nil},
		{"place taken stands for its country", "Malian troops recaptured the town of Kidal on Tuesday.", []string{"MLI MLI 19"}, nil},
		{"statement without an event", "Chile's foreign minister said on Monday that his country would remain neutral.", []string{"CHL - 01"}, nil},
		{"statement with its claim hung on a noun", "Peru's president said in a radio interview aired on Sunday that Lima would remain neutral.", []string{"PER - 01"}, nil},
		{"verb tagged as a noun", "Masked gunmen shot dead a Kenyan judge outside a court in Mombasa on Friday.", []string{"KEN KEN 18"}, nil},
		{"reason hung on the object", "The United Nations accused Burmese troops of firing mortar shells at a school in Rakhine.", []string{"IGO MMR 11"}, []string{"MMR MMR 19", "MMR MMR 18"}},
		{"demanded act hung on a time noun", "Niger's military government demanded on Monday that France withdraw its troops from the country.", []string{"NER FRA 10"}, []string{"FRA FRA 08", "FRA NER 08"}},
		{"he is no plural antecedent", "Algerian authorities arrested a popular singer at his home in Oran on Friday after he criticised the army on television.", []string{"DZA DZA 17"}, []string{"DZA DZA 11"}},
		{"claimed act in a relative clause", "Boko Haram claimed responsibility for a bomb that killed ten Nigerian soldiers near Maiduguri.", []string{"NGA NGA 19"}, nil},
		{"event noun dated by its possessor", "Saturday's Israeli air strike on Beirut killed a Hamas commander, Lebanese officials said.", []string{"ISR LBN 19"}, nil},
		{"led invasion", "Afghans recalled the U.S.-led invasion of Afghanistan in 2001.", []string{"USA AFG 19"}, nil},
		{"nominal between coordinated parties", "A truce between Ethiopia and Eritrea came into force on Monday.", []string{"ERI ETH 08", "ETH ERI 08"}, nil},
		{"between repeats an event told before", "Kenya's president met Tanzania's president in Arusha on Monday. The meeting between Kenya and Tanzania was the first in five years.", []string{"KEN TZA 04"}, []string{"TZA KEN 04"}},
		{"between under an infinitive is only wanted", "Norway said it was ready to host talks between Colombia and Venezuela.", []string{"NOR COL 03"}, []string{"COL VEN 04", "VEN COL 04"}},
		{"members named with including", "Several governments, including Canada and Poland, recalled their ambassadors from Belarus on Friday.", []string{"CAN BLR 16", "POL BLR 16"}, nil},
		{"list item parsed as apposition", "Oman, Kuwait, the United Arab Emirates and Jordan condemned Iran on Monday.", []string{"OMN IRN 11", "KWT IRN 11", "ARE IRN 11", "JOR IRN 11"}, nil},
		{"traded accusations", "Serbia and Kosovo traded accusations on Sunday over a shooting near the border.", []string{"SRB XKX 11", "XKX SRB 11"}, nil},
		{"accused each other", "Eritrea and Djibouti accused each other on Friday of arming rebels.", []string{"ERI DJI 11", "DJI ERI 11"}, nil},
		{"object pronoun is not its subject", "Morocco and Mauritania closed their borders with Algeria on Monday, accusing it of sheltering smugglers.", []string{"MAR DZA 11", "MRT DZA 11"}, []string{"MAR MAR 11", "MAR MRT 11"}},
		{"one side is not two", "Turkish jets and drones struck Kurdish-held villages in northern Iraq on Sunday.", []string{"TUR IRQ 19"}, []string{"IRQ TUR 19"}},
		{"the two leaders", "Chile's president received Peru's president in Santiago on Monday, and the two leaders agreed to reopen the border.", []string{"CHL PER 03", "PER CHL 03"}, nil},
		{"irregular past form", "Canada froze the assets of three Iranian officials on Thursday.", []string{"CAN IRN 16"}, nil},
		{"agent kind is no event", "French riot police fired rubber bullets at marchers in Lyon on Sunday.", []string{"FRA FRA 17"}, []string{"FRA FRA 14"}},
		{"localized movement behind an agent noun", "Nigerian troops killed dozens of Islamic State fighters in Borno on Sunday.", []string{"NGA NGA 19"}, nil},
		{"military killing civilians is assault", "Government soldiers killed 30 civilians in the Nigerien town of Tillia on Sunday.", []string{"NER NER 18"}, []string{"NER NER 19"}},
		{"participle's critic is the source", "Nepal closed its border crossings with India on Friday, drawing sharp criticism from New Delhi.", []string{"IND NPL 11"}, []string{"NPL IND 11"}},
		{"appeal for money has no addressee", "The World Health Organization appealed on Tuesday for $25 million to fight a cholera outbreak in Malawi.", []string{"IGO - 02"}, []string{"IGO MWI 02"}},
		{"passive shoot down", "An Iranian drone was shot down by American forces over the Gulf on Monday.", []string{"USA IRN 19"}, nil},
		{"promise made to the one its act is for", "Turkey pledged on Thursday to keep supplying electricity to Iraq.", []string{"TUR IRQ 03"}, nil},
		{"agreement to let someone act", "Sudan's army agreed on Sunday to let U.N. agencies deliver medicine to Darfur.", []string{"SDN IGO 03"}, nil},
		{"refusal to let someone act", "Ecuador refused on Monday to let Mexican diplomats leave with the former vice president.", []string{"ECU MEX 12"}, nil},
		{"negated promise is a refusal", "Serbia said on Sunday it would never recognise Kosovo.", []string{"SRB XKX 12"}, nil},
		{"request addressed to the lender", "Pakistan requested a loan from the World Bank on Friday.", []string{"PAK IGO 02"}, nil},
		{"time before the target slot", "Kenya's president vowed on Sunday that al-Shabaab would pay for the attack.", []string{"KEN SOM 13"}, nil},
		{"threat of force from a threatened deployment", "Egypt threatened on Tuesday to deploy troops to Libya.", []string{"EGY LBY 13"}, []string{"EGY LBY 15"}},
		{"consequence participle is no act", "Rioters stormed the regional assembly in Santa Cruz on Friday, forcing legislators to suspend a session.", []string{"BOL BOL 14"}, []string{"BOL BOL 17"}},
		{"ending participle is no act", "Colombia's president and the FARC commander signed a peace accord in Havana on Monday, ending decades of war.", []string{"COL COL 05"}, []string{"COL COL 08"}},
		{"what a deal provides for is not done", "Kenya and Ethiopia signed a deal on Monday to reopen their border crossing at Moyale.", []string{"KEN ETH 05", "ETH KEN 05"}, []string{"KEN ETH 08", "ETH KEN 08"}},
		{"sport cue inside the actor's phrase", "France's rugby team denied claims on Tuesday that its players had broken a curfew.", nil, nil},
		{"possessive in a later clause takes the earlier subject", "Ghana cut diplomatic ties with Togo on Monday, and its foreign minister warned that Lome would regret its conduct.", []string{"GHA TGO 16", "GHA TGO 13"}, []string{"TGO TGO 13"}},
		{"group name nested in a modifier", "The ELN rebel group and Colombia's government resumed talks in Caracas on Monday.", []string{"COL COL 04"}, []string{"VEN COL 04"}},
		{"bare conjunct target shares the named country", "Canada imposed sanctions on four Iranian officials and two companies on Monday.", []string{"CAN IRN 16"}, []string{"CAN CAN 16"}},
		{"domestic concession is made to the people", "Tunisia's government lifted a ban on opposition rallies on Wednesday.", []string{"TUN TUN 08"}, nil},
		{"a vow to retaliate answers the act before it", "The United States imposed tariffs on Mexican steel on Monday, and Mexico vowed to retaliate.", []string{"USA MEX 16", "MEX USA 13"}, nil},
		{"warning not to act is a threat", "Japan's prime minister warned China on Monday not to change the status quo by force.", []string{"JPN CHN 13"}, []string{"JPN CHN 01"}},
		{"fronted passive participle", "Backed by Russian warplanes, Syrian troops captured the town of Palmyra on Sunday.", []string{"SYR SYR 19"}, []string{"SYR RUS 05"}},
		{"leaving a treaty reduces relations", "Moscow pulled out of the arms control treaty with Washington on Friday.", []string{"RUS USA 16"}, []string{"RUS USA 12"}},
		{"agent takes the country of a named force", "Suspected militants ambushed a Malian army patrol on Thursday.", []string{"MLI MLI 19"}, nil},
		{"by agent hung on the of phrase", "The massacre of 60 villagers by Sudanese soldiers shocked the region.", []string{"SDN SDN 20"}, nil},
		{"count qualifier is no target", "The killing of at least 12 protesters by Guinean police drew condemnation.", []string{"GIN GIN 18"}, nil},
		{"show of force aimed at the rival named", "Greece put its navy on high alert on Friday after a Turkish research vessel entered disputed waters.", []string{"GRC TUR 15"}, []string{"GRC GRC 15"}},
		{"statement about the party in its claim", "Chile's foreign minister said on Monday that relations with Lima were better than ever.", []string{"CHL PER 01"}, []string{"CHL - 01"}},
		{"removal from a country without an agent", "Some 300 Afghan refugees were expelled from Iran on Monday.", []string{"IRN AFG 17"}, nil},
		{"pattern word is no party of a reciprocal act", "Azerbaijani and Armenian forces traded heavy artillery fire on Sunday.", []string{"AZE ARM 19", "ARM AZE 19"}, []string{"AZE AZE 19"}},
		{"protest at a foreign embassy", "Hundreds of Bolivians protested outside the Chilean embassy in La Paz on Friday.", []string{"BOL CHL 14"}, []string{"BOL BOL 14"}},
		{"hyphenated noun read as a clause", "Nurses staged a sit-in outside the health ministry in Nairobi on Monday.", []string{"KEN KEN 14"}, nil},
		{"unknown name takes the role described before it", "Kenyan interior ministry spokesman Peter Odhiambo condemned Uganda on Friday.", []string{"KEN UGA 11"}, nil},
		{"he takes up an international body's official", "The ICC prosecutor said on Monday he would visit Uganda.", []string{"IGO UGA 03"}, nil},
		{"retreat from a place yields to its country", "Ugandan troops withdrew from the town of Bunia on Friday.", []string{"UGA COD 08"}, nil},
		{"ordered retreat yields the place, not own troops", "Rwanda ordered its soldiers to retreat from the town of Goma on Friday.", []string{"RWA COD 08"}, []string{"RWA RWA 08"}},
		{"possessor parsed as a second subject", "Armenia's interior ministry launched a crackdown on protesters in Yerevan on Tuesday.", []string{"ARM ARM 17"}, nil},
		{"protest against a foreign decision", "Thousands of Bolivians protested in La Paz on Monday against the Chilean decision to close the border.", []string{"BOL CHL 14"}, []string{"BOL BOL 14"}},
		{"in a protest is the subject's protest", "French fishermen sailed their boats into the port of Marseille on Monday in a protest over fuel prices.", []string{"FRA FRA 14"}, nil},
		{"in protest is only a manner", "Jordan recalled its ambassador to Israel on Wednesday in protest at the war in Gaza.", []string{"JOR ISR 16"}, []string{"JOR JOR 14"}},
		{"it takes up a ministry", "Poland's defence ministry said on Thursday it had delivered 20 tanks to Ukraine.", []string{"POL UKR 07"}, []string{"UKR UKR 07"}},
		{"conditional threat aims at the if-clause's subject", "Ghana vowed on Monday to take firm countermeasures if Togo closed the border again.", []string{"GHA TGO 13"}, nil},
		{"warning with its marker parsed as an object", "Serbia's state television warned Croatia that war could break out at any time.", []string{"SRB HRV 13"}, []string{"SRB HRV 01"}},
		{"deposit helps the bank's owner", "Kuwait deposited $2 billion in Jordan's central bank on Sunday.", []string{"KWT JOR 07"}, nil},
		{"casualties of an accident are no act", "A bus carrying pilgrims overturned on a highway in India's Bihar state on Sunday, killing 20 people.", nil, nil},
		{"relative clause on any is no act", "Estonia warned on Friday that it would shoot down any Russian drone that violated its airspace.", []string{"EST RUS 13"}, []string{"RUS EST 19"}},
		{"refusing to step down is refused at home", "Malawi's president refused on Friday to step down after the disputed vote.", []string{"MWI MWI 12"}, nil},
		{"shot down tagged as a noun", "A Greek F-16 shot down a Turkish drone over the Aegean on Monday.", []string{"GRC TUR 19"}, nil},
		{"paired demonyms the parser made the root", "Ghanaian and Togolese soldiers began joint patrols near the border on Tuesday.", []string{"GHA TGO 06", "TGO GHA 06"}, nil},
		{"release demanded of the captor just named", "Eritrea detained a Sudanese cargo crew on Monday, and Khartoum demanded their immediate release.", []string{"ERI SDN 17", "SDN ERI 10"}, nil},
		{"strike on what a label names", "Turkish jets bombed what Ankara described as a militant camp near Sinjar in Iraq on Friday.", []string{"TUR IRQ 19"}, []string{"TUR TUR 19", "TUR IRQ 01"}},
		{"saying inside a label is attribution", "Rwandan drones struck what Kigali said was a rebel depot in Congo's North Kivu province on Friday.", []string{"RWA COD 19"}, []string{"RWA COD 01"}},
		{"a later bare saying by someone already met sources details", "Sudanese troops recaptured the town of Wad Madani on Sunday. Officials said the militiamen had retreated east.", []string{"SDN SDN 19"}, []string{"SDN SDN 01"}},
		{"violence by protesters is a riot", "Rioters attacked a police station in the Kenyan town of Kisumu on Sunday.", []string{"KEN KEN 14"}, []string{"KEN KEN 18", "KEN KEN 19"}},
		{"shot dead is assault", "Gunmen on a motorbike shot dead a Peruvian judge outside his home in Lima on Sunday.", []string{"PER PER 18"}, []string{"PER PER 19"}},
		{"promised act read as a purpose clause", "Canada offered on Friday to help Haiti rebuild its police force.", []string{"CAN HTI 03"}, nil},
		{"pronoun of a readiness adjective read as expletive", "Norway said on Monday it was willing to mediate between Sudan and Chad.", []string{"NOR SDN 03", "NOR TCD 03"}, nil},
		{"police promised to a country are an offer", "Rwanda promised on Friday to send more police officers to the Central African Republic.", []string{"RWA CAF 03"}, []string{"RWA CAF 13"}},
		{"sides of a fight hung on its onset verb", "Clashes broke out between Armenia's army and Azerbaijani forces on Thursday.", []string{"ARM AZE 19", "AZE ARM 19"}, nil},
		{"that-clause parsed as a relative on the object", "Iran's army chief warned Azerbaijan on Sunday that Baku would pay a heavy price for any provocation.", []string{"IRN AZE 13"}, []string{"IRN AZE 01"}},
		{"own troops are not whom a withdrawal yields to", "Turkey pulled its troops out of a base in northern Iraq on Friday.", []string{"TUR IRQ 08"}, []string{"TUR TUR 08"}},
		{"rival sides in one plural phrase", "Rival factions in Somalia signed a power-sharing deal on Tuesday.", []string{"SOM SOM 05"}, nil},
		{"warring sides in one plural phrase", "South Sudan's warring parties signed a peace deal on Tuesday.", []string{"SSD SSD 05"}, nil},
		{"announced retaliation is a threat", "Venezuela said it would retaliate against Guyana.", []string{"VEN GUY 13"}, []string{"VEN GUY 01"}},
		{"aid is for the one its purpose clause helps", "Chile sent engineers to help Peru rebuild its ports.", []string{"CHL PER 07"}, nil},
		{"a foreigner among the freed is whom a release is made to", "Iran freed nine prisoners, including a French citizen, on Sunday.", []string{"IRN FRA 08"}, []string{"IRN IRN 08"}},
		{"freed prisoners with no nationality are the holder's own", "Cuba's government freed 50 prisoners on Friday.", []string{"CUB CUB 08"}, nil},
		{"object-gapped relative acts on the noun it modifies", "Ghana freed the Togolese traders it had detained last month.", []string{"GHA TGO 08", "GHA TGO 17"}, nil},
		{"toll of an attack is no second event", "Russian artillery shelled the Ukrainian town of Izium on Tuesday, killing four civilians.", []string{"RUS UKR 19"}, []string{"RUS RUS 18"}},
		{"victims of a named nationality keep their own event", "Gunmen attacked a bus in Mali on Sunday, killing two Canadian tourists.", []string{"MLI CAN 18"}, nil},
		{"hand-over to a country without over", "Kenyan police handed a wanted smuggler to Uganda on Friday.", []string{"KEN UGA 06"}, nil},
		{"appeal to an addressee for aid", "Fiji appealed to New Zealand for relief after the cyclone.", []string{"FJI NZL 02"}, []string{"FJI - 02"}},
		{"troops leaving a town retreat", "Kenyan troops left the Somali town of Kismayo on Friday.", []string{"KEN SOM 08"}, nil},
		{"tourists leaving a town do not", "Many tourists left the city of Rome on Friday.", nil, []string{"ITA ITA 08"}},
		{"someone detained with no nationality is the country's own", "Chilean police detained the stationmaster of a mining town on Friday.", []string{"CHL CHL 17"}, nil},
		{"an act asked for has not happened", "Kenya turned down a Somali request to arrest two journalists.", []string{"KEN SOM 12"}, []string{"SOM KEN 17"}},
		{"criminals seizing people abduct them", "Bandits seized three Italian engineers at a quarry in Nigeria on Monday.", []string{"NGA ITA 18"}, []string{"NGA ITA 19"}},
		{"killing an elder is assault", "Gunmen killed two tribal elders in Mali's Mopti region on Sunday.", []string{"MLI MLI 18"}, []string{"MLI MLI 19"}},
		{"arson by rebels is assault", "Rebels torched homes in a village in Mozambique on Sunday.", []string{"MOZ MOZ 18"}, []string{"MOZ MOZ 17"}},
		{"arson by protesters is a protest", "Angry protesters torched the homes of two Kenyan lawmakers on Tuesday.", []string{"KEN KEN 14"}, []string{"KEN KEN 18"}},
		{"bans slapped on officials are sanctions", "Britain slapped asset freezes on four Sudanese generals on Monday.", []string{"GBR SDN 16"}, nil},
		{"inspectors let into a place are the target", "Egypt allowed U.N. inspectors into its migrant holding camps on Sunday.", []string{"EGY IGO 08"}, []string{"EGY EGY 08"}},
		{"a nominal act asked for is not done", "Zambia's opposition leader urged his followers to continue their street protests until the vote is rerun.", []string{"ZMB ZMB 02"}, []string{"ZMB ZMB 14"}},
		{"supporters are civilians", "Ecuadorian soldiers fired on supporters of a jailed mayor in Guayaquil on Friday.", []string{"ECU ECU 18"}, []string{"ECU ECU 19"}},
		{"a hyphenated adjective is no event word", "Norway's aid minister promised to continue food aid to war-torn Yemen.", []string{"NOR YEM 03"}, []string{"NOR YEM 12"}},
		{"an act under a deadline is not done", "Peru's interior minister gave the striking miners a day to release the police officers they hold.", []string{"PER PER 13"}, []string{"PER PER 08"}},
		{"a market retreating is no retreat", "Mexican stocks retreated on Tuesday after the central bank raised rates.", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := codeText(t, c, tt.text, "2024-03-13")
			var got []string
			for i := range evs {
				got = append(got, short(&evs[i]))
			}
			slices.Sort(got)
			got = slices.Compact(got)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: want %s, got %v", tt.text, w, got)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("%q: want no %s, got %v", tt.text, n, got)
				}
			}
			if tt.want == nil && len(got) > 0 {
				t.Errorf("%q: want no event, got %v", tt.text, got)
			}
		})
	}
}

func TestModalityNegationAttribution(t *testing.T) {
	c := standardCoder(t)
	tests := []struct {
		text     string
		modality string
		negated  bool
		attrib   string
	}{
		{"Russia did not attack Ukraine on Monday.", "asserted", true, ""},
		{"Russia may attack Ukraine next month.", "hypothetical", false, ""},
		{"Russia vowed to attack Ukraine.", "intended", false, ""},
		{"Russia attacked Ukraine on Monday, according to the BBC.", "reported", false, "the BBC"},
	}
	for _, tt := range tests {
		evs := codeText(t, c, tt.text, "2024-03-13")
		var e *event.Event
		for i := range evs {
			// a vowed attack is coded as the threat it is (CAMEO 138)
			if evs[i].Root == "19" || evs[i].Root == "18" || evs[i].CAMEO == "138" {
				e = &evs[i]
			}
		}
		if e == nil {
			t.Errorf("%q: no attack coded (got %d events)", tt.text, len(evs))
			continue
		}
		if e.Modality != tt.modality || e.Negated != tt.negated {
			t.Errorf("%q: modality %s negated %v, want %s %v", tt.text, e.Modality, e.Negated, tt.modality, tt.negated)
		}
		got := ""
		if e.Attribution != nil {
			got = e.Attribution.Name
		}
		if got != tt.attrib {
			t.Errorf("%q: attribution %q, want %q", tt.text, got, tt.attrib)
		}
	}
}

func TestDatesAndPlaces(t *testing.T) {
	c := standardCoder(t)
	tests := []struct {
		text, date       string
		wantDate, prec   string
		country, placeAt string
	}{
		// 2024-03-13 is a Wednesday
		{"Kenyan police arrested ten protesters in Mombasa on Monday.", "2024-03-13", "2024-03-11", "day", "KEN", "Mombasa"},
		{"Israeli troops raided the Jenin refugee camp in 2002.", "2024-03-13", "2002", "year", "", ""},
		{"Iraq and Iran fought a long war in the 1980s.", "2024-03-13", "1980/1989", "decade", "", ""},
		{"Turkey shelled Syrian army positions in northern Syria yesterday.", "2024-03-13", "2024-03-12", "day", "SYR", ""},
		{"Chinese ships blocked Philippine boats near the Second Thomas Shoal.", "2024-03-13", "2024-03-13", "story", "", ""},
		// the time of a participle on the object is the detention's, not the release's
		{"Ghana freed two Togolese traders detained at a border post last week.", "2024-03-13", "2024-03-13", "story", "", ""},
	}
	for _, tt := range tests {
		evs := codeText(t, c, tt.text, tt.date)
		if len(evs) == 0 {
			t.Errorf("%q: no event", tt.text)
			continue
		}
		e := evs[0]
		if e.Date != tt.wantDate || e.DatePrecision != tt.prec {
			t.Errorf("%q: date %s (%s), want %s (%s)", tt.text, e.Date, e.DatePrecision, tt.wantDate, tt.prec)
		}
		if tt.country != "" && (e.Location == nil || e.Location.Country != tt.country) {
			t.Errorf("%q: location %+v, want country %s", tt.text, e.Location, tt.country)
		}
		if tt.placeAt != "" && (e.Location == nil || !strings.EqualFold(e.Location.Name, tt.placeAt)) {
			t.Errorf("%q: location %+v, want %s", tt.text, e.Location, tt.placeAt)
		}
	}
}

// TestNominalEventDate checks that a time right after a nominal event's phrase dates it, wherever the parse
// hung the time.
func TestNominalEventDate(t *testing.T) {
	c := standardCoder(t)
	evs := codeText(t, c, "Jordanians marked on Sunday the anniversary of the massacre of 50 villagers at Qibya by Israeli troops in 1953.", "2024-03-13")
	found := false
	for i := range evs {
		if e := &evs[i]; e.Root == "20" {
			found = true
			if e.Date != "1953" || e.DatePrecision != "year" {
				t.Errorf("massacre dated %s (%s), want 1953 (year)", e.Date, e.DatePrecision)
			}
		}
	}
	if !found {
		t.Errorf("no massacre event in %v", evs)
	}
}

// TestEvidence checks that every span an event cites is the text it claims, in characters, on text with
// multi-byte characters.
func TestEvidence(t *testing.T) {
	c := standardCoder(t)
	text := "Über Nacht: “Kenyan police arrested three activists in Nairobi on Tuesday,” the ministry said. Somalia’s president visited Kenya last week."
	evs := codeText(t, c, text, "2024-03-13")
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	runes := []rune(text)
	for _, e := range evs {
		spans := []struct {
			text       string
			start, end int
		}{{e.Verb.Text, e.Verb.Start, e.Verb.End}, {e.Source.Text, e.Source.Start, e.Source.End}}
		if e.Target != nil && e.Target.Via == "" {
			spans = append(spans, struct {
				text       string
				start, end int
			}{e.Target.Text, e.Target.Start, e.Target.End})
		}
		for _, sp := range spans {
			if sp.start < 0 || sp.end > len(runes) || string(runes[sp.start:sp.end]) != sp.text {
				t.Errorf("span %d:%d = %q, event says %q", sp.start, sp.end, string(runes[max(0, sp.start):min(len(runes), sp.end)]), sp.text)
			}
		}
		if got := string(runes[e.SentenceStart : e.SentenceStart+len([]rune(e.Sentence))]); got != e.Sentence {
			t.Errorf("sentence offset %d does not hold the sentence", e.SentenceStart)
		}
	}
}

func TestBadInput(t *testing.T) {
	c := standardCoder(t)
	for _, text := range []string{"", " \n\n ", "\x00\x01\x02", strings.Repeat("attack ", 5000), "١٢٣ العربية ٤٥٦", "))))((((", "?" + strings.Repeat("!", 1000)} {
		_ = codeText(t, c, text, "2024-03-13") // must not panic
	}
	// a zero publication date: relative dates cannot be resolved, absolute ones still are
	evs, err := c.Code(context.Background(), &source.Document{ID: "z", Text: "Israeli troops raided the Jenin refugee camp in 2002. Kenyan police arrested ten protesters on Monday."})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if strings.Contains(e.Sentence, "Monday") && e.Date != "" {
			t.Errorf("relative date resolved without a publication date: %s", e.Date)
		}
	}
}

// BenchmarkCode codes news text end to end (segmentation, tagging, parsing, coding); the sub-benchmark
// without dates and places, in the same run, measures what event dating and placing add.
func BenchmarkCode(b *testing.B) {
	full := standardCoder(b)
	bare, err := New(Options{Pipeline: full.opt.Pipeline, Lexicon: full.opt.Lexicon, Ontology: full.opt.Ontology, NoDates: true})
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("Kenyan police fired tear gas at opposition protesters in Nairobi on Tuesday, a day after the interior minister banned the march. The United Nations urged the government to respect the right to peaceful assembly. Somalia's president visited Nairobi last week and held talks with President William Ruto on border security. Al-Shabaab militants attacked a police post near the Somali border on Monday, killing two officers, according to a police spokesman. ", 5)
	doc := &source.Document{ID: "b", Text: text, Published: time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC)}
	sentences := 20
	for _, bc := range []struct {
		name string
		c    *Coder
	}{{"full", full}, {"no-dates-places", bare}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bc.c.Code(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}
