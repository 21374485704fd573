// Words that put a sentence in a trafficking context, as folded stems in every
// Ruta language (folded text: Latin script, lowercase, no diacritics).
export const TRAFFICKING_CONTEXT =
  /(cocain|kokain|droga|drog|drug|narco|narkot|traffick|trafic|trafik|krijumcar|smuggl|contraband|shipment|cargament|envio|posiljk|isporuk|cartel|kartel|seiz|incaut|decomis|zaplen|zaplijen|sekuestr|laund|lavado|pranje|pastrim|mafia|mafij|klan|clan|banda|gang|kriminal|criminal|organized crime|crimen organizado|svercu|sverc|shverc)/;
