import type { DemoItem } from './when.ts';

const PARIS_ZONE = 'Europe/Paris';
const ROME_ZONE = 'Europe/Rome';
const MADRID_ZONE = 'Europe/Madrid';
const ATHENS_ZONE = 'Europe/Athens';

const FRANCE: DemoItem[] = [
  {
    town: 'FR/strasbourg',
    build: (w) => ({
      type: 'event',
      language: 'fr',
      publishedAt: w.ago(6, 2),
      areas: ['mobility', 'europe'],
      tags: ['cross-border', 'cycling'],
      event: {
        startsAt: w.day(27, PARIS_ZONE, 'saturday'),
        timeZone: PARIS_ZONE,
        allDay: true,
        venueName: 'Place Kléber',
        venueAddress: '67000 Strasbourg',
        latitude: 48.5834,
        longitude: 7.7458,
        organiser: 'Ville et Eurométropole de Strasbourg',
      },
      texts: {
        fr: {
          title: 'Journée de la mobilité transfrontalière Strasbourg–Kehl',
          summary:
            'Une journée place Kléber pour découvrir comment se déplacer entre Strasbourg et Kehl à vélo, en tram ou à pied, et poser ses questions aux services des deux villes.',
          body: `Des milliers de personnes traversent chaque jour le Rhin entre Strasbourg et Kehl pour travailler, étudier ou faire leurs courses. Cette journée rassemble en un seul lieu tout ce qu'il faut savoir pour le faire sans voiture.

## Au programme

- stands des deux villes et des transports publics : abonnements, tarifs et horaires du tram transfrontalier
- atelier gratuit de réparation de vélos
- balades guidées à vélo jusqu'à Kehl par la passerelle des Deux Rives, départ toutes les heures
- informations pratiques pour les travailleurs frontaliers

Accès libre toute la journée. Sur les stands, on vous répond en français et en allemand.`,
        },
        de: {
          title: 'Tag der grenzüberschreitenden Mobilität Straßburg–Kehl',
          summary:
            'Ein Tag auf dem Kléberplatz rund um die Frage, wie man zwischen Straßburg und Kehl mit dem Rad, der Tram oder zu Fuß unterwegs ist – mit Ansprechpartnern beider Städte.',
          body: `Tausende Menschen überqueren jeden Tag den Rhein zwischen Straßburg und Kehl, um zu arbeiten, zu studieren oder einzukaufen. An diesem Tag gibt es an einem Ort alles, was man wissen muss, um das ohne Auto zu tun.

## Programm

- Stände beider Städte und der Verkehrsbetriebe: Abos, Tarife und Fahrpläne der grenzüberschreitenden Tram
- kostenlose Fahrradwerkstatt
- geführte Radtouren nach Kehl über die Passerelle des Deux Rives, Start zu jeder vollen Stunde
- praktische Informationen für Grenzgängerinnen und Grenzgänger

Der Eintritt ist den ganzen Tag frei. An den Ständen wird Französisch und Deutsch gesprochen.`,
        },
        en: {
          title: 'Cross-border mobility day Strasbourg–Kehl',
          summary:
            'A day on Place Kléber about getting between Strasbourg and Kehl by bike, tram or on foot, with staff from both cities to answer questions.',
          body: `Thousands of people cross the Rhine between Strasbourg and Kehl every day to work, study or shop. This day brings together in one place everything you need to know to do it without a car.

## Programme

- stands of both cities and the public transport operators: passes, fares and timetables of the cross-border tram
- a free bike repair workshop
- guided bike rides to Kehl over the Passerelle des Deux Rives footbridge, leaving every hour
- practical information for cross-border commuters

Free entry all day. Staff at the stands speak French and German.`,
        },
      },
    }),
  },
  {
    town: 'FR/grenoble',
    build: (w) => ({
      type: 'practice',
      language: 'fr',
      publishedAt: w.ago(38, 3),
      areas: ['climate', 'environment', 'social'],
      tags: ['schoolyards', 'heat'],
      contact: 'Ville de Grenoble – www.grenoble.fr',
      texts: {
        fr: {
          title: "Des cours d'école plus vertes et plus fraîches",
          summary:
            "Grenoble remplace l'enrobé de ses cours d'école par des arbres, des sols perméables et des coins ombragés, conçus avec les élèves, pour mieux résister aux fortes chaleurs.",
          body: `Les cours d'école sont souvent les plus grands espaces publics d'un quartier. En les transformant, la ville crée des îlots de fraîcheur là où vivent les enfants et redonne de la place à la nature en ville.

Chaque projet commence par des ateliers où les élèves dessinent la cour dont ils rêvent. Les plans définitifs en gardent l'essentiel : de l'ombre, des recoins pour se poser, de la terre à toucher et des espaces de jeu pour tous.`,
          problem:
            "Les cours d'école en bitume deviennent de véritables îlots de chaleur lors des épisodes de forte chaleur. L'eau de pluie y ruisselle sans s'infiltrer, et un grand terrain de jeu au centre laisse souvent peu de place aux autres activités.",
          solution:
            "À chaque rénovation, une partie de l'enrobé est retirée au profit de sols perméables, d'arbres, de potagers et de zones calmes. Les élèves, les enseignants et le personnel périscolaire participent aux ateliers de conception. En dehors du temps scolaire, certaines cours sont ouvertes aux habitants du quartier.",
          results:
            "Les cours rénovées restent nettement plus fraîches l'après-midi, l'eau de pluie s'infiltre sur place et les enfants se répartissent mieux dans l'espace. Les équipes éducatives constatent moins de conflits pendant les récréations.",
          cost: "Selon la taille de la cour, de quelques dizaines à plusieurs centaines de milliers d'euros, avec des cofinancements possibles de l'agence de l'eau.",
          reuse: 'Applicable à toute commune : commencer par une cour pilote et associer les enfants dès la conception.',
        },
        en: {
          title: 'Greener, cooler schoolyards',
          summary:
            'Grenoble is replacing the asphalt of its schoolyards with trees, permeable ground and shady corners, designed with the pupils, to cope better with heatwaves.',
          body: `Schoolyards are often the largest public spaces in a neighbourhood. By transforming them, the city creates cool islands where children spend their days and brings nature back into the city.

Every project starts with workshops where pupils draw the schoolyard of their dreams. The final plans keep what matters most: shade, quiet corners, soil to touch and play spaces for everyone.`,
          problem:
            'Asphalt schoolyards turn into heat islands during heatwaves. Rainwater runs off instead of soaking in, and a large sports pitch in the middle often leaves little room for anything else.',
          solution:
            'Each time a schoolyard is renovated, part of the asphalt is removed to make room for permeable ground, trees, vegetable gardens and quiet areas. Pupils, teachers and after-school staff take part in the design workshops. Outside school hours, some schoolyards are open to local residents.',
          results:
            'Renovated schoolyards stay noticeably cooler in the afternoon, rainwater soaks in where it falls and children spread out across the space. School staff see fewer conflicts at break time.',
          cost: 'From a few tens of thousands to several hundred thousand euros depending on the size of the schoolyard, with possible co-funding from the regional water agency.',
          reuse: 'Works in any municipality: start with one pilot schoolyard and involve the children from the design stage.',
        },
      },
    }),
  },
];

const ITALY: DemoItem[] = [
  {
    town: 'IT/bologna',
    build: (w) => ({
      type: 'initiative',
      language: 'it',
      publishedAt: w.ago(19, 4),
      areas: ['environment', 'social', 'culture'],
      tags: ['urban commons', 'volunteering'],
      deadline: w.date(50),
      texts: {
        it: {
          title: 'Prenditi cura del tuo quartiere: proponi un patto di collaborazione',
          summary:
            'Gruppi di residenti, associazioni e scuole possono proporre al Comune un patto per curare insieme un giardino, una piazza o uno spazio inutilizzato.',
          goal: 'Avviare nuovi patti di collaborazione in tutti i quartieri della città, con particolare attenzione alle aree verdi e agli spazi oggi inutilizzati.',
          body: `Da oltre dieci anni Bologna regola con i patti di collaborazione la cura condivisa dei beni comuni urbani: cittadini e Comune si accordano su chi fa cosa per tenere vivo un luogo della città. Con questa raccolta il Comune invita a proporre nuovi patti.

## Esempi di proposte

- curare un'aiuola o un giardino di quartiere;
- organizzare attività culturali in una piazza o in un cortile;
- recuperare uno spazio inutilizzato per farne un luogo d'incontro;
- tenere pulito e decorato un sottopasso.

## Come funziona

1. Presentate la proposta descrivendo il luogo, le attività e chi se ne occuperà.
2. Gli uffici del Comune e del Quartiere vi contattano per definire insieme i dettagli.
3. Il patto viene firmato e pubblicato; il Comune può fornire attrezzi, materiali e copertura assicurativa.

Maggiori informazioni su [comune.bologna.it](https://www.comune.bologna.it).`,
        },
        en: {
          title: 'Look after your neighbourhood: propose a collaboration pact',
          summary:
            'Groups of residents, associations and schools can propose a pact with the city to look after a garden, a square or an unused space together.',
          goal: 'Start new collaboration pacts in every district of the city, with special attention to green areas and spaces that are unused today.',
          body: `For more than ten years Bologna has used collaboration pacts to share the care of urban commons: residents and the city agree on who does what to keep a place alive. With this call, the city invites proposals for new pacts.

## Examples of proposals

- looking after a flower bed or a neighbourhood garden;
- organising cultural activities in a square or a courtyard;
- reviving an unused space as a meeting place;
- keeping an underpass clean and decorated.

## How it works

1. Submit your proposal, describing the place, the activities and who will take care of them.
2. Staff of the city and the district contact you to work out the details together.
3. The pact is signed and published; the city can provide tools, materials and insurance cover.

More at [comune.bologna.it](https://www.comune.bologna.it).`,
        },
      },
    }),
  },
  {
    town: 'IT/trento',
    build: (w) => ({
      type: 'event',
      language: 'it',
      publishedAt: w.ago(5, 6),
      areas: ['social', 'culture'],
      tags: ['youth council'],
      event: {
        startsAt: w.at(12, '17:00', ROME_ZONE, 'workday'),
        endsAt: w.at(12, '18:30', ROME_ZONE, 'workday'),
        timeZone: ROME_ZONE,
        venueName: 'Palazzo Thun, sala consiliare',
        venueAddress: 'Via Belenzani 19, 38122 Trento',
        latitude: 46.0689,
        longitude: 11.1213,
        organiser: 'Comune di Trento',
      },
      texts: {
        it: {
          title: 'Si insedia il nuovo Consiglio comunale dei ragazzi',
          summary:
            'Le ragazze e i ragazzi eletti nelle scuole medie della città si riuniscono per la prima volta nella sala consiliare. La seduta è aperta al pubblico.',
          body: `Dopo le elezioni nelle scuole secondarie di primo grado, il nuovo Consiglio comunale dei ragazzi si riunisce per la prima seduta. I giovani consiglieri eleggeranno il sindaco dei ragazzi e presenteranno i temi su cui vogliono lavorare durante il mandato.

## Ordine del giorno

- proclamazione degli eletti;
- elezione del sindaco e della giunta dei ragazzi;
- presentazione delle proposte raccolte nelle scuole: sicurezza dei percorsi casa-scuola, spazi verdi, attività sportive gratuite.

Famiglie, insegnanti e cittadini sono invitati ad assistere. Ingresso libero fino a esaurimento dei posti.`,
        },
      },
    }),
  },
];

const SPAIN: DemoItem[] = [
  {
    town: 'ES/pontevedra',
    build: (w) => ({
      type: 'practice',
      language: 'es',
      publishedAt: w.ago(52, 1),
      areas: ['mobility', 'environment', 'health'],
      tags: ['pedestrians', '30 km/h'],
      contact: 'Concello de Pontevedra – www.pontevedra.gal',
      texts: {
        es: {
          title: 'Una ciudad pensada para caminar',
          summary:
            'Desde 1999 Pontevedra ha devuelto su centro a los peatones: calles sin coches, velocidad limitada a 30 km/h y aparcamientos disuasorios en los accesos.',
          body: `Pontevedra es hoy uno de los ejemplos más citados en Europa de ciudad a escala humana. Su modelo no se basa en una gran obra, sino en muchas decisiones coherentes mantenidas durante más de dos décadas.

La idea central es sencilla: el espacio público es de las personas. El coche puede entrar cuando hace falta, pero ya no es el protagonista de la calle.`,
          problem:
            'A finales de los años noventa, el centro de Pontevedra estaba ocupado por el tráfico y el aparcamiento. Las calles eran ruidosas e inseguras, y el casco histórico perdía vecinos y comercios.',
          solution:
            'La ciudad peatonalizó por fases el casco histórico y las calles comerciales, con acceso en coche solo para residentes, servicios y carga y descarga. Limitó la velocidad a 30 km/h en casi todo el casco urbano, sustituyó semáforos por pasos de peatones elevados y creó aparcamientos gratuitos en el borde del centro.',
          results:
            'La mayoría de los desplazamientos por el centro se hacen a pie o en bicicleta, los accidentes graves se redujeron drásticamente y el centro recuperó vecinos, comercio local y vida en la calle. Muchos niños vuelven a ir solos al colegio.',
          cost: 'Sobre todo obras de urbanización por fases (plataforma única, pavimento y mobiliario), financiadas en parte con fondos europeos.',
          reuse: 'Aplicable a ciudades medianas; el éxito depende de la constancia durante años y de explicar cada fase a los vecinos.',
        },
        en: {
          title: 'A city made for walking',
          summary:
            'Since 1999 Pontevedra has given its centre back to pedestrians: car-free streets, a 30 km/h speed limit and free car parks at the edge of the centre.',
          body: `Pontevedra is one of the most quoted examples in Europe of a city built on a human scale. Its model does not rest on one big project but on many consistent decisions kept up for more than two decades.

The core idea is simple: public space belongs to people. Cars can come in when they need to, but they no longer own the street.`,
          problem:
            'In the late 1990s, the centre of Pontevedra was taken over by traffic and parking. Streets were noisy and unsafe, and the old town was losing residents and shops.',
          solution:
            'The city pedestrianised the old town and the shopping streets in stages, with car access only for residents, services and deliveries. It set a 30 km/h limit on almost all urban streets, replaced traffic lights with raised pedestrian crossings and built free car parks at the edge of the centre.',
          results:
            'Most trips in the centre are made on foot or by bike, serious accidents fell drastically, and the centre regained residents, local shops and street life. Many children walk to school on their own again.',
          cost: 'Mainly street works in stages (level surfaces, paving and street furniture), partly funded by the EU.',
          reuse: 'Works for medium-sized cities; success depends on persistence over years and on explaining each stage to residents.',
        },
      },
    }),
  },
  {
    town: 'ES/valencia',
    build: (w, here) => ({
      type: 'event',
      language: 'es',
      publishedAt: w.ago(7, 3),
      areas: ['climate', 'economy'],
      tags: ['energy communities', 'solar'],
      event: {
        startsAt: w.at(8, '18:30', MADRID_ZONE, 'workday'),
        endsAt: w.at(8, '20:30', MADRID_ZONE, 'workday'),
        timeZone: MADRID_ZONE,
        venueName: 'Centro Cultural La Rambleta',
        venueAddress: 'Bulevar Sur, València',
        ...here,
        organiser: 'Ajuntament de València',
        capacity: 25,
      },
      texts: {
        es: {
          title: 'Taller: cómo crear una comunidad energética en tu barrio',
          summary:
            'Un taller práctico para vecinos, comercios y asociaciones que quieren compartir una instalación solar y producir su propia energía.',
          body: `Las comunidades energéticas permiten que vecinos, pequeños comercios y entidades compartan una instalación de autoconsumo, por ejemplo en la cubierta de un edificio público o de un polideportivo. La energía producida se reparte entre los participantes y la factura baja para todos.

## En el taller veremos

- qué es una comunidad energética y qué forma jurídica puede tener;
- cómo se calcula el reparto de la energía entre los participantes;
- ayudas disponibles y pasos para solicitarlas;
- experiencias de barrios que ya lo han hecho.

Plazas limitadas; es necesaria la inscripción. El taller es gratuito.`,
        },
        en: {
          title: 'Workshop: how to set up an energy community in your neighbourhood',
          summary:
            'A hands-on workshop for residents, shops and associations that want to share a solar installation and produce their own energy.',
          body: `Energy communities let neighbours, small shops and organisations share a self-consumption installation, for example on the roof of a public building or a sports centre. The energy produced is shared among the members, and everyone's bill goes down.

## The workshop covers

- what an energy community is and what legal form it can take;
- how the energy is shared among the members;
- available grants and how to apply for them;
- experience from neighbourhoods that have already done it.

Places are limited and registration is required. The workshop is free.`,
        },
      },
    }),
  },
];

const GREECE: DemoItem[] = [
  {
    town: 'GR/thessaloniki',
    build: (w) => ({
      type: 'event',
      language: 'el',
      publishedAt: w.ago(2, 2),
      areas: ['mobility', 'environment'],
      tags: ['sump', 'consultation'],
      event: {
        startsAt: w.at(14, '18:00', ATHENS_ZONE, 'workday'),
        endsAt: w.at(14, '20:30', ATHENS_ZONE, 'workday'),
        timeZone: ATHENS_ZONE,
        venueName: 'Δημαρχιακό Μέγαρο Θεσσαλονίκης',
        venueAddress: 'Βασιλέως Γεωργίου Α΄ 1, 546 40 Θεσσαλονίκη',
        latitude: 40.6263,
        longitude: 22.9484,
        organiser: 'Δήμος Θεσσαλονίκης',
        capacity: 150,
      },
      texts: {
        el: {
          title: 'Δημόσια διαβούλευση για το Σχέδιο Βιώσιμης Αστικής Κινητικότητας',
          summary:
            'Ο Δήμος Θεσσαλονίκης παρουσιάζει τις βασικές προτάσεις για τις μετακινήσεις στην πόλη – πεζοδρόμους, ποδηλατόδρομους, συγκοινωνίες και στάθμευση – και καλεί τους πολίτες να πουν τη γνώμη τους.',
          body: `Πώς θα μετακινούμαστε στη Θεσσαλονίκη τα επόμενα δέκα χρόνια; Το Σχέδιο Βιώσιμης Αστικής Κινητικότητας ορίζει τις προτεραιότητες για τους πεζούς, τους ποδηλάτες, τις δημόσιες συγκοινωνίες και τη στάθμευση. Πριν οριστικοποιηθεί, ο Δήμος θέλει να ακούσει τους κατοίκους.

## Πρόγραμμα

- παρουσίαση των βασικών προτάσεων από την ομάδα μελέτης·
- συζήτηση σε θεματικά τραπέζια: πεζοί και προσβασιμότητα, ποδήλατο, συγκοινωνίες και μετρό, στάθμευση·
- ανοιχτή συζήτηση με ερωτήσεις από το κοινό.

Η είσοδος είναι ελεύθερη, αλλά συνιστάται εγγραφή. Όσοι δεν μπορούν να έρθουν μπορούν να στείλουν γραπτώς τα σχόλιά τους έως το τέλος της διαβούλευσης.`,
        },
        en: {
          title: 'Public consultation on the Sustainable Urban Mobility Plan',
          summary:
            'The Municipality of Thessaloniki presents its main proposals for getting around the city – pedestrian streets, cycle lanes, public transport and parking – and invites residents to have their say.',
          body: `How will we get around Thessaloniki over the next ten years? The Sustainable Urban Mobility Plan sets the priorities for pedestrians, cyclists, public transport and parking. Before it is finalised, the municipality wants to hear from residents.

## Programme

- presentation of the main proposals by the planning team;
- discussion at themed tables: walking and accessibility, cycling, public transport and the metro, parking;
- open discussion with questions from the audience.

Admission is free, but registration is recommended. Those who cannot attend can send written comments until the consultation closes.`,
        },
      },
    }),
  },
  {
    town: 'GR/thessaloniki',
    build: (w) => ({
      type: 'news',
      language: 'el',
      publishedAt: w.ago(20, 3),
      areas: ['environment', 'climate'],
      tags: ['trees'],
      texts: {
        el: {
          title: 'Νέα δέντρα σε γειτονιές με λίγο πράσινο',
          summary:
            'Ο Δήμος φυτεύει εκατοντάδες δέντρα σε δρόμους και πλατείες των πιο πυκνοδομημένων γειτονιών και ζητά από τους κατοίκους να τα υιοθετήσουν.',
          body: `Στις πυκνοδομημένες γειτονιές της Θεσσαλονίκης τα δέντρα είναι λίγα και το καλοκαίρι η ζέστη γίνεται αφόρητη. Ο Δήμος ξεκίνησε πρόγραμμα φύτευσης σε δρόμους, πλατείες και αυλές σχολείων, με είδη που αντέχουν στην ξηρασία και δίνουν πυκνή σκιά.

## Υιοθετήστε ένα δέντρο

Τα πρώτα δύο χρόνια είναι κρίσιμα για ένα νέο δέντρο. Κάτοικοι, καταστήματα και σύλλογοι μπορούν να δηλώσουν ότι θα ποτίζουν ένα δέντρο κοντά τους και θα ειδοποιούν τον Δήμο όταν χρειάζεται φροντίδα.

Οι δηλώσεις γίνονται στην ιστοσελίδα του Δήμου, [thessaloniki.gr](https://thessaloniki.gr), ή στις δημοτικές κοινότητες.`,
        },
      },
    }),
  },
];

export const southItems: DemoItem[] = [...FRANCE, ...ITALY, ...SPAIN, ...GREECE];
