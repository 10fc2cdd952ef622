/**
 * The stemmers against Snowball's own reference output (github.com/snowballstem/snowball-data,
 * commit ba91f32, english/ and finnish/ voc.txt → output.txt). The whole vocabularies — 42 649
 * English and 49 957 Finnish words — were checked while choosing and writing the stemmers, and
 * agreed on every word; the lists below are a sample of them (every 400th English and 500th
 * Finnish word, and the words of every special case of the English algorithm and of the
 * example codebooks), kept here because the vocabularies are not this project's to ship.
 */
import { stemmer as finnishStem } from '@orama/stemmers/finnish';
import { describe, expect, it } from 'vitest';
import { englishStem } from './english-stemmer.js';

const ENGLISH: readonly (readonly [string, string])[] = [
  ["'", "'"], ["actor", "actor"], ["aggressive", "aggress"], ["amenaide", "amenaid"], ["appalled", "appal"], ["artfulness", "art"], ["auk", "auk"],
  ["banishes", "banish"], ["bedstead", "bedstead"], ["betrayal", "betray"], ["blooms", "bloom"], ["bout", "bout"], ["browndock", "browndock"],
  ["cadwallader", "cadwallad"], ["carne", "carn"], ["challenging", "challeng"], ["chipper", "chipper"], ["clicked", "click"],
  ["colymbetes", "colymbet"], ["conclusion", "conclus"], ["consuming", "consum"], ["corrivals", "corriv"], ["crepitans", "crepitan"],
  ["curved", "curv"], ["deceas", "decea"], ["denser", "denser"], ["dey", "dey"], ["discoveries", "discoveri"], ["ditto", "ditto"],
  ["drawer", "drawer"], ["eastcheap", "eastcheap"], ["embowel", "embowel"], ["ensconced", "ensconc"], ["espy", "espi"], ["expectance", "expect"],
  ["families", "famili"], ["feverous", "fever"], ["fleshmonger", "fleshmong"], ["forewoman", "forewoman"], ["frontal", "frontal"],
  ["gathering", "gather"], ["glitter", "glitter"], ["gravel", "gravel"], ["gusto", "gusto"], ["haunted", "haunt"], ["hied", "hie"],
  ["horticulture", "horticultur"], ["idleness", "idl"], ["inarticulate", "inarticul"], ["inflaming", "inflam"], ["intercepter", "intercept"],
  ["isolation", "isol"], ["juncus", "juncus"], ["lacqueys", "lacquey"], ["lechery", "lecheri"], ["linnean", "linnean"], ["luce", "luce"],
  ["malignant", "malign"], ["matronly", "matron"], ["mewling", "mewl"], ["mistrusted", "mistrust"], ["mountains", "mountain"], ["native", "nativ"],
  ["noddings", "nod"], ["occurrence", "occurr"], ["orts", "ort"], ["oystherstown", "oystherstown"], ["particulars", "particular"], ["penny", "penni"],
  ["philippe", "philipp"], ["plantain", "plantain"], ["popp", "popp"], ["prefiguring", "prefigur"], ["profit", "profit"], ["pulcheria", "pulcheria"],
  ["quit", "quit"], ["realty", "realti"], ["regardless", "regardless"], ["reprobate", "reprob"], ["revolutionary", "revolutionari"],
  ["roseate", "roseat"], ["saltire", "saltir"], ["schwach", "schwach"], ["seminarists", "seminarist"], ["shepherdes", "shepherd"],
  ["similitude", "similitud"], ["slumbery", "slumberi"], ["somewheres", "somewher"], ["spoff", "spoff"], ["steamed", "steam"], ["stroke", "stroke"],
  ["sunder", "sunder"], ["swords", "sword"], ["telephoridae", "telephorida"], ["thout", "thout"], ["tomkins", "tomkin"], ["trenched", "trench"],
  ["twangling", "twangl"], ["uncropped", "uncrop"], ["unkempt", "unkempt"], ["unstaid", "unstaid"], ["valiantness", "valiant"], ["vigour", "vigour"],
  ["waiting", "wait"], ["went", "went"], ["winterly", "winter"], ["wrying", "wri"], ["'s", "'s"], ["added", "add"], ["adding", "add"],
  ["apologists", "apolog"], ["archaeologists", "archaeolog"], ["ebbed", "ebb"], ["ebbing", "ebb"], ["emergencies", "emergenc"],
  ["emergency", "emergenc"], ["dying", "die"], ["lying", "lie"], ["inning", "inning"], ["outing", "outing"], ["canning", "canning"],
  ["herring", "herring"], ["earring", "earring"], ["evening", "evening"], ["proceed", "proceed"], ["exceeded", "exceed"], ["succeeding", "succeed"],
  ["agreed", "agre"], ["feed", "feed"], ["skies", "sky"], ["news", "news"], ["early", "earli"], ["only", "onli"], ["ugly", "ugli"], ["idly", "idl"],
  ["gently", "gentl"], ["singly", "singl"], ["atlas", "atlas"], ["cosmos", "cosmos"], ["bias", "bias"], ["andes", "andes"], ["generously", "generous"],
  ["communication", "communic"], ["arsenal", "arsenal"], ["university", "universiti"], ["international", "internat"], ["organization", "organiz"],
  ["gaps", "gap"], ["gas", "gas"], ["ties", "tie"], ["cries", "cri"], ["hopped", "hop"], ["hoping", "hope"], ["troubled", "troubl"], ["sized", "size"],
  ["failing", "fail"], ["filing", "file"], ["crying", "cri"], ["saying", "say"], ["happy", "happi"], ["yelling", "yell"], ["traditional", "tradit"],
  ["rational", "ration"], ["hopefulness", "hope"], ["geology", "geolog"], ["biology", "biolog"],
];

const FINNISH: readonly (readonly [string, string])[] = [
  ["aa", "aa"], ["aboensis", "aboensis"], ["ahlmanilla", "ahlman"], ["aikaansaamaan", "aikaansaam"], ["ainehintojen", "ainehinto"],
  ["ajankohtaisissa", "ajankohtais"], ["ajokorttien", "ajokort"], ["alakohtaiseen", "alakohtais"], ["alentamista", "alentam"],
  ["alkoholiin", "alkohol"], ["allekirjoittivat", "allekirjoittiv"], ["alueellisesta", "alueellis"], ["amerikkalaisohjaaja", "amerikkalaisohjaaj"],
  ["ammunnalla", "ammun"], ["anja", "anj"], ["antaen", "antae"], ["apulaispäällikkö", "apulaispäällikö"], ["arkkipiispaa", "arkkipiisp"],
  ["arvid", "arvid"], ["arvostetussa", "arvostetu"], ["asetetaan", "aset"], ["asiantuntijalta", "asiantuntij"], ["asuintalo", "asuintalo"],
  ["atalan", "atal"], ["australialais", "australialais"], ["auttaen", "autae"], ["avis", "avis"], ["bakteerikantaa", "bakteerikant"],
  ["beatrix", "beatrix"], ["biljardia", "biljard"], ["bonniers", "bonniers"], ["brittisotilaat", "brittisotil"], ["bushehrin", "bushehr"],
  ["cartlidge", "cartlidg"], ["citysokoksen", "citysokoks"], ["cravenin", "craven"], ["dejong", "dejong"], ["diesen", "diese"], ["doors", "doors"],
  ["edelleni", "ede"], ["eduskuntaryhmä", "eduskuntaryhm"], ["ehdottaisi", "ehdotai"], ["ekologisin", "ekologis"], ["elinolojen", "elinolo"],
  ["eloonjäänyttä", "eloonjäänyt"], ["elämisensä", "elämis"], ["encyclopedia", "encycloped"], ["ennakoidusti", "ennakoidu"], ["ensoon", "enso"],
  ["epäreiluna", "epäreilu"], ["erikoissuhteesta", "erikoissuht"], ["eriyttämistä", "eriyttäm"], ["esiintyjät", "esiintyj"],
  ["esittämälle", "esittäm"], ["eteenpäinviemistä", "eteenpäinviem"], ["etulyöntiasema", "etulyöntiasem"], ["evakuoitujen", "evakuoitu"],
  ["fed", "fed"], ["fini", "fini"], ["fosterin", "foster"], ["förtvivlan", "förtvivl"], ["ghalille", "ghal"], ["grandin", "grand"],
  ["haaleaa", "haalea"], ["hagsberg", "hagsberg"], ["hakemuksen", "hakemuks"], ["hallintorakennuksia", "hallintorakennuks"], ["halukkaaksi", "haluk"],
  ["hankintahinnasta", "hankintahin"], ["harjoittamiseen", "harjoittamis"], ["harrastaa", "harrast"], ["hauholainen", "hauholain"],
  ["heaneylle", "heaney"], ["heimorajojen", "heimoraj"], ["hellävaraisesti", "hellävarais"], ["henkilöautoja", "henkilöauto"],
  ["herkkyys", "herkkyys"], ["hetkellähän", "hetk"], ["hiihdämme", "hiihd"], ["hilse", "hils"], ["hirtetään", "hirt"], ["hoideta", "hoide"],
  ["holtappelsin", "holtappels"], ["houghton", "houghto"], ["huippukokousta", "huippukokou"], ["hunningonmaana", "hunningonm"],
  ["huomionosoitus", "huomionosoitus"], ["hutton", "huto"], ["hylkimä", "hylkim"], ["hyväksikäytetty", "hyväksikäytety"], ["hyötyi", "hyötyi"],
  ["hämmästys", "hämmästys"], ["hävitään", "häv"], ["ifo", "ifo"], ["ihmisoikeustarkkailijoita", "ihmisoikeustarkkailij"], ["ikäviltä", "ikäv"],
  ["ilmastointilaitteet", "ilmastointilait"], ["ilomantsista", "ilomants"], ["indigo", "indigo"], ["instinct", "instinct"], ["hinta", "hin"],
  ["hintaa", "hint"], ["asiakaspalvelu", "asiakaspalvelu"], ["asiakaspalvelua", "asiakaspalvelu"],
];

describe('Snowball English, as Snowball 3 defines it', () => {
  it("gives Snowball's stem for each word of the sample", () => {
    expect(ENGLISH.filter(([word, stem]) => englishStem(word) !== stem)).toEqual([]);
  });

  it('the cases the packages on npm get wrong: added → add, emergency → emergenc, apologists → apolog', () => {
    expect(['added', 'emergency', 'apologists', 'dying', 'inning', 'skies', 'proceed'].map(englishStem)).toEqual(['add', 'emergenc', 'apolog', 'die', 'inning', 'sky', 'proceed']);
  });
});

describe('Snowball Finnish (@orama/stemmers)', () => {
  it('gives Snowball\'s stem for each word of the sample', () => {
    expect(FINNISH.filter(([word, stem]) => finnishStem(word) !== stem)).toEqual([]);
  });
});
