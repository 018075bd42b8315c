package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.Agreement;
import dev.strangler.analyzer.core.CodebaseStats;
import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.Placement;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Risk;
import dev.strangler.analyzer.core.ServiceCandidate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code decomposition.md}: the human summary, with a Mermaid diagram of the candidates and their coupling
 * so it renders where Markdown is read. Deterministic. Stateless and thread-safe.
 */
public final class MarkdownReportWriter {
    /** Past this many problems the list is cut; the JSON report keeps them all. */
    static final int MAX_PROBLEMS = 200;
    static final int MAX_SITES = 3;

    public String render(Decomposition decomposition) {
        StringBuilder md = new StringBuilder();
        List<ServiceCandidate> services = decomposition.services();
        md.append("# Decomposition of `").append(decomposition.codebase().name()).append("`\n\n");
        ServiceCandidate kernel = decomposition.candidates().stream().filter(ServiceCandidate::sharedKernel)
                .findFirst().orElse(null);
        md.append(services.size()).append(" candidate service(s)")
                .append(kernel == null ? "" : " and a shared kernel of " + kernel.classes().size() + " class(es)")
                .append(" from ").append(decomposition.graph().units().size()).append(" classes, ")
                .append(decomposition.useCases().size()).append(" entry points and ")
                .append(countTables(decomposition)).append(" tables.\n\n");
        if (EntryPointCoverage.structureOnly(decomposition.codebase())) {
            md.append("**").append(EntryPointCoverage.STRUCTURE_ONLY).append("**\n\n");
        }
        md.append("**Why ").append(decomposition.choice().services()).append(" services:** ")
                .append(decomposition.choice().reason()).append("\n\n");
        candidatesTable(md, decomposition);
        mermaid(md, decomposition);
        extractionOrder(md, services, decomposition.traffic() != null);
        MarkdownTraffic.render(md, decomposition.traffic());
        MarkdownMetrics.render(md, decomposition);
        agreement(md, decomposition.agreement());
        decisions(md, decomposition);
        java.util.Set<String> collections = JsonReportWriter.mongoCollections(decomposition.codebase());
        for (ServiceCandidate candidate : decomposition.candidates()) {
            details(md, candidate, collections);
        }
        placements(md, decomposition);
        coverage(md, decomposition);
        return md.toString();
    }

    private static long countTables(Decomposition decomposition) {
        return decomposition.candidates().stream().flatMap(c -> c.tables().stream()).map(ServiceCandidate.TableShare::table)
                .distinct().count();
    }

    private static void candidatesTable(StringBuilder md, Decomposition decomposition) {
        md.append("## Candidates\n\n");
        md.append("| order | candidate | classes | routes | tables owned | tables shared | difficulty | serverless fitness |\n");
        md.append("|---:|---|---:|---:|---|---|---:|---|\n");
        for (ServiceCandidate c : decomposition.candidates()) {
            md.append("| ").append(c.sharedKernel() ? "library" : String.valueOf(c.extractionOrder()))
                    .append(" | ").append(c.name())
                    .append(" | ").append(c.classes().size())
                    .append(" | ").append(c.routes().size())
                    .append(" | ").append(join(c.tables().stream().filter(ServiceCandidate.TableShare::owned)
                            .map(t -> "`" + t.table() + "`").toList()))
                    .append(" | ").append(join(c.tables().stream().filter(t -> !t.sharedWith().isEmpty())
                            .map(t -> "`" + t.table() + "` (" + (t.owned() ? "owner; also " : "owner elsewhere; ")
                                    + String.join(", ", t.sharedWith()) + ")").toList()))
                    .append(" | ").append(c.sharedKernel() ? "–" : String.valueOf(c.difficulty().score()))
                    .append(" | ").append(c.fitness().rating()).append(" (").append(c.fitness().score()).append(")")
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void mermaid(StringBuilder md, Decomposition decomposition) {
        md.append("## Coupling between candidates\n\n");
        md.append("Arrows point from the user to the used candidate, labelled with the number of uses. "
                + "The shared kernel is a library every service may use; arrows into it are left out.\n\n");
        md.append("```mermaid\ngraph LR\n");
        Map<String, String> ids = new HashMap<>();
        int n = 0;
        for (ServiceCandidate c : decomposition.candidates()) {
            String id = "c" + (++n);
            ids.put(c.name(), id);
            String label = c.name() + "<br/>" + c.classes().size() + " classes, " + c.routes().size() + " routes";
            md.append("    ").append(id).append(c.sharedKernel() ? "([\"" : "[\"").append(label)
                    .append(c.sharedKernel() ? "\"])" : "\"]").append('\n');
        }
        for (ServiceCandidate c : decomposition.candidates()) {
            for (ServiceCandidate.CandidateLink link : c.outbound()) {
                if (link.candidate().equals(dev.strangler.analyzer.core.Decomposer.SHARED_KERNEL)) {
                    continue;
                }
                md.append("    ").append(ids.get(c.name())).append(" -->|").append(link.weight()).append("| ")
                        .append(ids.get(link.candidate())).append('\n');
            }
        }
        md.append("```\n\n");
    }

    private static void extractionOrder(StringBuilder md, List<ServiceCandidate> services, boolean weighed) {
        md.append("## Extraction order\n\n").append(weighed ? "Lowest difficulty plus traffic risk first (see "
                + "Production traffic)" : "Least coupled and fewest shared tables first")
                .append("; the difficulty score (0–100) adds up the reasons given.\n\n");
        for (ServiceCandidate c : services) {
            md.append(c.extractionOrder()).append(". **").append(c.name()).append("** — difficulty ")
                    .append(c.difficulty().score()).append(": ").append(String.join("; ", c.difficulty().reasons()))
                    .append('\n');
        }
        md.append('\n');
    }

    private static void agreement(StringBuilder md, Agreement agreement) {
        if (agreement == null) {
            return;
        }
        md.append("## Agreement with `").append(agreement.source()).append("`\n\n");
        md.append("Over ").append(agreement.classesCompared()).append(" classes placed by both (")
                .append(agreement.classesOnlyExpected()).append(" expected classes not found): **")
                .append(Decimals.fixed(100 * agreement.accuracy(), 1)).append(" %** placed right after matching "
                        + "candidates to expected services greedily by overlap; adjusted Rand index **")
                .append(Decimals.fixed(agreement.adjustedRandIndex(), 3)).append("**; MoJoFM **")
                .append(Decimals.fixed(agreement.mojoFm(), 1)).append(" %**.\n\n");
        md.append("| expected service | matched candidate | shared classes | expected classes |\n|---|---|---:|---:|\n");
        for (Agreement.Match match : agreement.matches()) {
            md.append("| ").append(match.expected()).append(" | ").append(match.candidate().isEmpty() ? "–" : match.candidate())
                    .append(" | ").append(match.overlap()).append(" | ").append(match.expectedSize()).append(" |\n");
        }
        md.append('\n');
    }

    private static void decisions(StringBuilder md, Decomposition decomposition) {
        if (decomposition.decisionEffects().isEmpty()) {
            return;
        }
        md.append("## The team's decisions\n\nEach decision's effect on the metrics, applied in order; "
                + "a rise in coupling is what the decision costs.\n\n");
        md.append("| line | decision | result | coupling before → after | ICP before → after | SM before → after |\n");
        md.append("|---:|---|---|---|---|---|\n");
        for (Decomposition.DecisionEffect effect : decomposition.decisionEffects()) {
            md.append("| ").append(effect.decision().line()).append(" | ").append(escape(effect.decision().describe()))
                    .append(" | ").append(escape(effect.note())).append(effect.costsCoupling() ? " **(costs coupling)**" : "")
                    .append(" | ").append(Decimals.fixed(effect.before().coupling(), 3)).append(" → ")
                    .append(Decimals.fixed(effect.after().coupling(), 3))
                    .append(" | ").append(Decimals.fixed(effect.before().icp(), 3)).append(" → ")
                    .append(Decimals.fixed(effect.after().icp(), 3))
                    .append(" | ").append(Decimals.fixed(effect.before().sm(), 3)).append(" → ")
                    .append(Decimals.fixed(effect.after().sm(), 3)).append(" |\n");
        }
        md.append('\n');
    }

    private static void details(StringBuilder md, ServiceCandidate c, java.util.Set<String> collections) {
        md.append("## ").append(c.sharedKernel() ? "Shared kernel" : c.extractionOrder() + ". " + c.name()).append("\n\n");
        if (!c.sharedKernel()) {
            md.append("Difficulty ").append(c.difficulty().score()).append(", serverless fitness ")
                    .append(c.fitness().rating()).append(" (").append(c.fitness().score()).append("): ")
                    .append(String.join("; ", c.fitness().reasons())).append(".\n\n");
        }
        if (!c.routes().isEmpty()) {
            md.append("**Routes**\n\n| method | path | handler |\n|---|---|---|\n");
            for (EntryPoint route : c.routes()) {
                md.append("| ").append(route.httpMethod()).append(" | `").append(route.path()).append("` | `")
                        .append(route.handler()).append("` |\n");
            }
            md.append('\n');
        }
        if (!c.tables().isEmpty()) {
            md.append("**Tables:** ");
            md.append(join(c.tables().stream().map(t -> "`" + t.table() + "` "
                    + (collections.contains(t.table()) ? "(MongoDB collection) " : "") + (t.owned() ? "owned" : "used")
                    + (t.sharedWith().isEmpty() ? "" : ", shared with " + String.join(", ", t.sharedWith()))).toList()));
            md.append("\n\n");
        }
        linkList(md, "Depends on", c.outbound());
        linkList(md, "Used by", c.inbound());
        if (!c.risks().isEmpty()) {
            md.append("**Serverless risks**\n\n");
            for (Risk risk : c.risks()) {
                md.append("- `").append(risk.location()).append("` ").append(risk.kind().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ')).append(": ").append(escape(risk.detail())).append('\n');
            }
            md.append('\n');
        }
        md.append("<details><summary>").append(c.classes().size()).append(" classes</summary>\n\n");
        c.classes().forEach(name -> md.append("- `").append(name).append("`\n"));
        md.append("\n</details>\n\n");
    }

    private static void linkList(StringBuilder md, String title, List<ServiceCandidate.CandidateLink> links) {
        if (links.isEmpty()) {
            return;
        }
        md.append("**").append(title).append("**\n\n");
        for (ServiceCandidate.CandidateLink link : links) {
            md.append("- ").append(link.candidate()).append(" (").append(link.weight()).append(" uses): ");
            // the heaviest uses first: they are what an extraction has to replace with a call over the network
            List<String> shown = link.dependencies().stream()
                    .sorted(java.util.Comparator.comparingInt((Dependency d) -> -d.weight())
                            .thenComparing(Dependency::from).thenComparing(Dependency::to).thenComparing(Dependency::kind))
                    .limit(MAX_SITES).map(MarkdownReportWriter::describe).toList();
            md.append(String.join("; ", shown));
            if (link.dependencies().size() > MAX_SITES) {
                md.append("; and ").append(link.dependencies().size() - MAX_SITES).append(" more");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String describe(Dependency d) {
        String site = d.sites().isEmpty() ? "" : " at `" + d.sites().get(0) + "`";
        return "`" + d.from().simpleName() + "` → `" + d.to().simpleName() + "` ("
                + d.kind().name().toLowerCase(java.util.Locale.ROOT) + " ×" + d.weight() + site + ")";
    }

    private static void placements(StringBuilder md, Decomposition decomposition) {
        md.append("## Why each class is where it is\n\n<details><summary>")
                .append(decomposition.placements().size()).append(" classes</summary>\n\n");
        md.append("| class | candidate | why | strongest ties |\n|---|---|---|---|\n");
        for (Placement p : decomposition.placements()) {
            md.append("| `").append(p.name()).append("` | ").append(p.candidate()).append(" | ").append(escape(p.reason()))
                    .append(" | ").append(join(p.strongestTies().stream().map(t -> "`" + t.other().simpleName() + "` ("
                            + t.candidate() + ", " + Decimals.plain(t.weight(), 1) + ")").toList())).append(" |\n");
        }
        md.append("\n</details>\n\n");
    }

    private static void coverage(StringBuilder md, Decomposition decomposition) {
        CodebaseStats s = decomposition.codebase().stats();
        md.append("## What was analysed\n\n");
        md.append("- files: ").append(s.filesFound()).append(" found, ").append(s.filesParsed()).append(" parsed, ")
                .append(s.filesSkipped()).append(" skipped; ").append(s.linesOfCode())
                .append(" non-blank lines, ").append(s.codeLines()).append(" of them code (not only a comment)\n");
        md.append("- references: ").append(s.resolvedReferences()).append(" resolved, ").append(s.guessedReferences())
                .append(" guessed by name, ").append(s.unresolvedReferences()).append(" unresolved\n");
        EntryPointCoverage.markdown(md, decomposition.codebase());
        long truncated = decomposition.useCases().stream().filter(u -> u.truncated()).count();
        if (truncated > 0) {
            md.append("- ").append(truncated).append(" use case(s) traced only partly (size bound reached)\n");
        }
        List<Problem> problems = ReportProblems.all(decomposition);
        md.append("\n## Problems\n\n");
        if (problems.isEmpty()) {
            md.append("None.\n");
            return;
        }
        md.append("```\n");
        problems.stream().limit(MAX_PROBLEMS).forEach(p -> md.append(p.toCompilerStyle()).append('\n'));
        md.append("```\n");
        if (problems.size() > MAX_PROBLEMS) {
            md.append("\n").append(problems.size() - MAX_PROBLEMS).append(" more in decomposition.json.\n");
        }
    }

    private static String join(List<String> parts) {
        return parts.isEmpty() ? "–" : String.join(", ", parts);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
