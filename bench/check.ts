/**
 * The writing-style check (文风体检) in process: `npm run bench:check [-- --runs 5000]`.
 * Measures `checkText` — 字数, the formulaic phrases of the shipped list (one Aho–Corasick pass),
 * the opening passage and the verdict — on a realistic 5,000-character document, one run at a
 * time after a warm-up, and prints p50/p90/p99/max. A second line adds the repetition check
 * against 40 issued documents of the region (what POST /documents/check also does). No database,
 * no HTTP: the rules' own cost.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_PHRASES } from '../src/modules/documents/phrases.ts';
import { checkText, countChars, PhraseMatcher, preambleOf, type CorpusDocument } from '../src/modules/documents/rules.ts';
import { rng } from '../src/demo/rng.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5000' } } });
const runs = Number(values.runs);

const random = rng(2026);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const OPENING = '近年来，在县委、县政府的坚强领导下，全县上下高度重视，统一思想，提高认识，切实加强组织领导，进一步加强协调配合，形成工作合力，各项工作取得明显成效。';
const FORMULAIC = ['各单位要充分认识做好此项工作的重要意义，切实增强责任感和紧迫感，狠抓落实，常抓不懈，确保取得实效。', '要坚持问题导向，多措并举，综合施策，统筹推进，确保各项任务落到实处、见行见效。', '各级各部门要加强组织领导，精心组织，周密部署，营造良好氛围，为全县高质量发展提供有力保障。'];
const UNITS = ['县交通运输局', '县应急管理局', '县教育体育局', '县农业农村局', '县住房和城乡建设局', '城关镇', '东山镇'];

/** A document of about `target` counted characters: an opening, then numbered measures with units, dates and numbers, some formulaic sentences among them. */
function documentText(target: number, seed = 0): string {
  const parts = ['各乡镇、县直各部门：', OPENING];
  let i = 0;
  while (countChars(parts.join('\n')) < target) {
    i += 1;
    parts.push(`（${i}）${pick(UNITS)}牵头，于${1 + ((i + seed) % 12)}月${1 + (i % 28)}日前完成第${i}批共${10 + ((i * 7 + seed) % 90)}处隐患点的排查整改，涉及${2 + (i % 9)}个乡镇、${100 + ((i * 37) % 900)}户群众，建立问题台账，整改一处、销号一处。${i % 3 === 0 ? pick(FORMULAIC) : ''}`);
  }
  let text = parts.join('\n');
  while (countChars(text) > target) text = text.slice(0, -1);
  return text;
}

const text = documentText(5000);
const t0 = performance.now();
const matcher = new PhraseMatcher(DEFAULT_PHRASES);
const buildMs = performance.now() - t0;
const corpus: CorpusDocument[] = Array.from({ length: 40 }, (_, k) => ({ id: k + 1, title: `已印发文件 ${k + 1}`, number: `示政办发〔2026〕${k + 1}号`, body: documentText(2500, k + 1) }));

/**
 * p50/p90/p99 of `runs` runs, after a warm-up: wall time, and this process's CPU time per run
 * (process.cpuUsage, µs resolution), which a busy shared machine does not inflate by pre-empting us.
 */
function measure(name: string, run: () => unknown, n = runs) {
  for (let i = 0; i < Math.min(500, n); i++) run(); // warm up: JIT
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const a = process.hrtime.bigint();
    run();
    wall.push(Number(process.hrtime.bigint() - a) / 1e6);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const q = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(3);
  console.log(`${name}  (${n} runs)`);
  console.log(`   wall: p50 ${q(wall, 0.5)} ms   p90 ${q(wall, 0.9)} ms   p99 ${q(wall, 0.99)} ms   max ${Math.max(...wall).toFixed(3)} ms`);
  console.log(`   CPU:  p50 ${q(cpu, 0.5)} ms   p90 ${q(cpu, 0.9)} ms   p99 ${q(cpu, 0.99)} ms   max ${Math.max(...cpu).toFixed(3)} ms`);
}

const sample = checkText('document', text, 5000, matcher);
console.log(`text: ${text.length} UTF-16 units, ${sample.characters} counted characters, ${sample.phrases.length} phrases (${sample.phrasesPer1000}/1000), opening ${Math.round(sample.preambleRatio * 100)} %, verdict ${sample.verdict}`);
console.log(`phrase list: ${matcher.size} phrases, matcher built in ${buildMs.toFixed(2)} ms (once per list)`);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
measure('check, 5,000 characters, shipped list', () => checkText('document', text, 5000, matcher));
measure('check + repeats against 40 issued documents (2,500 each)', () => checkText('document', text, 5000, matcher, corpus), Math.min(runs, 300));
measure('  of which 字数 (countChars)', () => countChars(text));
measure('  of which the opening passage (穿靴戴帽)', () => preambleOf(text));
measure('  of which the phrase pass (Aho–Corasick)', () => matcher.find(text));
