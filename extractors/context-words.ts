// Words that put a sentence in a trafficking context, as folded stems in every
// Ruta language (folded text: Latin script, lowercase, no diacritics). Words of
// plain trade (shipment, envío, pošiljka, isporuka) are not among them: fruit
// shipments from Ecuador to a Balkan port are not a link.
export const TRAFFICKING_CONTEXT =
  /(cocain|kokain|droga|drog|drug|narco|narkot|traffick|trafic|trafik|krijumcar|smuggl|contraband|cartel|kartel|seiz|incaut|decomis|zaplen|zaplijen|sekuestr|laund|lavado|pranje|pastrim|mafia|mafij|klan|clan|banda|gang|kriminal|criminal|organized crime|crimen organizado|svercu|sverc|shverc)/;
