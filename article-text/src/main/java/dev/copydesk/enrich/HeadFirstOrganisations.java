package dev.copydesk.enrich;

import dev.copydesk.enrich.EntityRecognizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Organisations in languages that put the head noun first: "Banco de España", "Comisión Europea", "Banque centrale
 * européenne", "Università di Bologna", "Universität Heidelberg". The English rule reads the head
 * last ("Bank of England" aside); in Spanish, French, Italian, Portuguese and German copy it found no organisation
 * at all. A head opening a run, then a linking word and capitalised words ("de España", "für Gesundheit"), or
 * capitalised words ("Central Europeo", "Popular"), or a few of the adjectives such names use in lower case
 * ("centrale européenne", "socialiste").
 */
final class HeadFirstOrganisations {

    private HeadFirstOrganisations() {}

    private static final Set<String> HEADS = Set.of(
            // Spanish, Portuguese, Catalan
            "Banco",
            "Ministerio",
            "Ministério",
            "Universidad",
            "Universidade",
            "Universitat",
            "Partido",
            "Instituto",
            "Comisión",
            "Comissão",
            "Consejo",
            "Conselho",
            "Tribunal",
            "Agencia",
            "Agência",
            "Fundación",
            "Fundação",
            "Asociación",
            "Associação",
            "Federación",
            "Confederación",
            "Sindicato",
            "Compañía",
            "Companhia",
            "Grupo",
            "Policía",
            "Polícia",
            "Ejército",
            "Exército",
            "Museo",
            "Museu",
            "Hospital",
            "Ayuntamiento",
            "Congreso",
            "Senado",
            "Asamblea",
            "Cámara",
            "Câmara",
            "Junta",
            "Generalitat",
            "Guardia",
            "Corte",
            // French
            "Banque",
            "Ministère",
            "Université",
            "Parti",
            "Institut",
            "Commission",
            "Conseil",
            "Agence",
            "Fondation",
            "Association",
            "Fédération",
            "Confédération",
            "Syndicat",
            "Compagnie",
            "Groupe",
            "Armée",
            "Musée",
            "Hôpital",
            "Assemblée",
            "Sénat",
            "Cour",
            "Chambre",
            "Gendarmerie",
            "Société",
            // Italian
            "Banca",
            "Ministero",
            "Università",
            "Partito",
            "Istituto",
            "Commissione",
            "Consiglio",
            "Agenzia",
            "Fondazione",
            "Associazione",
            "Federazione",
            "Confederazione",
            "Sindacato",
            "Compagnia",
            "Gruppo",
            "Polizia",
            "Esercito",
            "Ospedale",
            "Camera",
            "Senato",
            "Tribunale",
            "Procura",
            // German, where the head comes first
            "Universität",
            "Bundesministerium",
            "Ministerium",
            "Bundesamt",
            "Landesamt",
            "Stiftung");

    private static final Set<String> ROMAN = Set.of("I", "II", "V", "X");

    /** Words that link a head to the name after it: "Banco de España", "Banque de France", "Ministerium für ...". */
    private static final Set<String> LINKS = Set.of(
            "de", "del", "des", "du", "di", "da", "do", "dos", "das", "della", "dello", "delle", "degli", "dei", "der",
            "für", "d", "l");

    /** Articles after a linking word: "Ministère de la Défense", "Banco de la Nación". */
    private static final Set<String> ARTICLES = Set.of("la", "las", "los", "le", "les", "el", "il", "lo");

    /** Adjectives such names write in lower case: "Banque centrale européenne", "Parti socialiste". */
    private static final Set<String> ADJECTIVES = Set.of(
            "nacional",
            "central",
            "europeo",
            "europea",
            "popular",
            "socialista",
            "comunista",
            "federal",
            "mundial",
            "internacional",
            "general",
            "supremo",
            "suprema",
            "constitucional",
            "nationale",
            "national",
            "centrale",
            "européenne",
            "européen",
            "socialiste",
            "communiste",
            "populaire",
            "fédérale",
            "mondiale",
            "internationale",
            "générale",
            "suprême",
            "constitutionnel",
            "constitutionnelle",
            "républicain",
            "nazionale",
            "popolare",
            "democratico",
            "democratica",
            "federale",
            "internazionale",
            "generale",
            "costituzionale",
            "democrático",
            "democrática",
            "demócrata",
            "démocrate",
            "socialdemócrata");

    static List<String> find(String text, List<Token> tokens, boolean[] inOrganization, boolean nounsCapitalised) {
        List<String> found = new ArrayList<>();
        for (int h = 0; h + 1 < tokens.size(); h++) {
            int elided = EntityRecognizer.elidedArticle(
                    tokens.get(h).text()); // "L'Agenzia", "d'Italia": the article is no part of it
            if (inOrganization[h]
                    || !HEADS.contains(tokens.get(h).text().substring(elided))
                    || EntityRecognizer.continuesName(text, tokens, h)) { // "Nuevo Banco" starts elsewhere
                continue;
            }
            int end = h;
            int k = h + 1;
            while (k < tokens.size() && k - h <= 7) {
                Token prev = tokens.get(k - 1);
                Token t = tokens.get(k);
                String gap = text.substring(prev.end(), t.start());
                boolean joined = gap.equals(" ") || gap.equals("'") || gap.equals("’") || gap.equals("-");
                if (!joined) {
                    break;
                }
                String w = t.text();
                boolean afterLink = LINKS.contains(prev.text()) || ARTICLES.contains(prev.text());
                if (t.capitalized()) {
                    if (end > h && !afterLink && (HEADS.contains(w) || startsPlace(text, tokens, k))) {
                        break; // "Agenzia Dire Consiglio Grande", "Tribunale di Bologna San Marino": another name
                    }
                    if (nounsCapitalised && !afterLink && k - h > 1) {
                        break; // German capitalises every noun: "Universität Heidelberg" and no more
                    }
                    end = k; // "Comisión Europea", "de España"
                    k++;
                } else if (ADJECTIVES.contains(w) && end == k - 1) {
                    end = k; // "Banque centrale européenne"
                    k++;
                } else if (LINKS.contains(w) || ARTICLES.contains(w) && LINKS.contains(prev.text())) {
                    k++; // "de", "de la", "de l'"
                } else {
                    break;
                }
            }
            while (end > h
                    && tokens.get(end).text().length() <= 2
                    && !ROMAN.contains(tokens.get(end).text())) {
                end--; // "Grupo H", "Hospital Central da Praia No": a letter or a word of the next sentence
            }
            if (end == h) {
                continue;
            }
            String name = text.substring(
                    tokens.get(h).start() + elided, tokens.get(end).end());
            if (!EntityRecognizer.known(name) && !found.contains(name)) {
                found.add(name);
                for (int m = h; m <= end; m++) {
                    inOrganization[m] = true; // "España" in "Banco de España" is no place of the story
                }
            }
            h = end;
        }
        return found;
    }

    /** A known place, country or city, of one or two words starts at token {@code k}: "San Marino", "Buenos Aires". */
    private static boolean startsPlace(String text, List<Token> tokens, int k) {
        if (EntityRecognizer.known(tokens.get(k).text())) {
            return true;
        }
        return k + 1 < tokens.size()
                && EntityRecognizer.adjacent(text, tokens.get(k), tokens.get(k + 1))
                && EntityRecognizer.known(
                        tokens.get(k).text() + " " + tokens.get(k + 1).text());
    }
}
