/**
 * Passwords refused outright (ASVS 6.2.4): the most frequent choices in public breach statistics, the
 * keyboard walks and digit runs they are made of, and the obvious local ones (the business name, the
 * old system's default client password).
 */
const WORDS = [
  'password', 'passw0rd', 'password1', 'password12', 'password123', 'password1234', 'p@ssw0rd', 'p@ssword',
  'qwerty', 'qwerty12', 'qwerty123', 'qwertyui', 'qwertyuiop', 'qwerty1234', 'azerty', 'azertyuiop', 'asdfghjk',
  'asdfghjkl', 'asdf1234', 'zxcvbnm', 'zxcvbnm1', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4', 'qazwsxedc', '1qaz2wsx',
  'iloveyou', 'iloveyou1', 'sunshine', 'princess', 'football', 'baseball', 'welcome', 'welcome1', 'welcome123',
  'letmein', 'letmein1', 'monkey123', 'dragon123', 'master123', 'master', 'admin123', 'admin1234', 'administrator',
  'superman', 'batman123', 'trustno1', 'whatever', 'starwars', 'computer', 'internet', 'shadow123', 'michael1',
  'jennifer', 'charlie1', 'jordan23', 'liverpool', 'chelsea1', 'arsenal1', 'benfica', 'benfica1', 'sporting',
  'sporting1', 'fcporto', 'portugal', 'portugal1', 'lisboa', 'lisboa123', 'porto123', 'cristiano', 'ronaldo7',
  'cristiano7', 'futebol', 'futebol1', 'saudade', 'amor1234', 'teamo123', 'benfica123', 'lavandaria',
  'lavandaria1', 'lavandaria123', 'lavandaria2024', 'lavandaria2025', 'lavandaria2026', 'changeme', 'changeme1',
  'default', 'default1', 'secret', 'secret123', 'test1234', 'testing1', 'abc12345', 'abcd1234', 'abcdefgh',
  'aaaaaaaa', 'worker123', 'worker1234', 'cliente123', 'senha123', 'senha1234', 'palavrapasse', 'minhasenha',
  'trocar123', 'mudar123', 'bemvindo', 'bemvindo1', 'obrigado', 'janeiro1', 'fevereiro', 'verao2025', 'inverno1',
  'summer2024', 'summer2025', 'winter2025', 'spring2025', 'autumn2025', 'login123', 'user1234', 'guest123',
  'hello123', 'hello1234', 'loveyou1', 'pokemon1', 'naruto123', 'killer123', 'soccer12', 'hockey12', 'ginger12',
  'freedom1', 'matrix123', 'mustang1', 'access14', 'access123', 'flower12', 'cookie12', 'nicole12', 'daniel12',
];

const DIGIT_RUNS = [
  '12345678', '123456789', '1234567890', '0123456789', '87654321', '987654321', '11111111', '00000000', '88888888',
  '12341234', '11223344', '12121212', '69696969', '22222222', '55555555', '99999999', '123123123', '112233445566',
];

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([...WORDS, ...DIGIT_RUNS].map((p) => p.toLowerCase()));
