// A federation-sized broker list (deterministic, so tests and benchmarks see the same data):
// Dutch-looking names with accents and aliases, and every third broker limited to level 2.
export interface GeneratedBroker {
  id: string;
  name: string;
  aliases: string[];
  levels: ('loa2' | 'loa2plus' | 'loa3' | 'loa4')[];
}

const first = ['Noord', 'Zuid', 'Oost', 'West', 'Midden', 'Groot', 'Klein', 'Nieuw', 'Oud', 'Hoog'];
const second = ['Makelaar', 'Sleutel', 'Toegang', 'Identiteit', 'Herkenning', 'Poort', 'Brug', 'Dienst', 'Zegel', 'Bewijs'];
const third = ['België', 'Één', 'Café', 'Groningen', 'Zeeland', 'Limburg', 'Brabant', 'Utrecht', 'Gelre', 'Holland'];

export function manyBrokers(count = 10_000): GeneratedBroker[] {
  return Array.from({ length: count }, (_, i) => {
    const a = first[i % 10]!;
    const b = second[Math.floor(i / 10) % 10]!;
    const c = third[Math.floor(i / 100) % 10]!;
    return {
      id: `broker-${i}`,
      name: `${a} ${b} ${c} ${i}`,
      aliases: [`${b}${i}`, `EH-${c}`],
      levels: i % 3 === 0 ? ['loa2'] : ['loa2', 'loa2plus', 'loa3'],
    };
  });
}
