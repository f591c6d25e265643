import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.DirectedGraph;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Element;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Opens a graph file the way Gephi does (the Gephi Toolkit's importers and its default
 * processor, into a fresh workspace) and prints what Gephi then holds, as one JSON object:
 * the nodes with their label and columns, the edges with their kind (edge type), label and
 * columns, the column titles, and the import report's issues.
 *
 * Usage: java -cp gephi-toolkit-all.jar:classes GephiCheck graph.gexf
 * Used by scripts/gephi_check.py; exits 2 when Gephi cannot import the file at all.
 */
public final class GephiCheck {

    private GephiCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: GephiCheck <file.gexf|file.graphml>");
            System.exit(64);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        projects.newProject();
        Workspace workspace = projects.getCurrentWorkspace();
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        Container container = importer.importFile(new File(args[0]));
        if (container == null) {
            System.err.println("gephi-check: Gephi could not import " + args[0]);
            System.exit(2);
        }
        List<String> issues = new ArrayList<>();
        Iterator<Issue> it = container.getReport().getIssues(1000);
        while (it.hasNext()) {
            Issue issue = it.next();
            issues.add(issue.getLevel() + ": " + issue.getMessage());
        }
        importer.process(container, new DefaultProcessor(), workspace);
        GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        out.println(describe(model, issues));
        System.exit(0);
    }

    private static String describe(GraphModel model, List<String> issues) {
        DirectedGraph graph = model.getDirectedGraph();
        StringBuilder sb = new StringBuilder("{\"nodes\": [");
        String sep = "";
        for (Node n : graph.getNodes()) {
            sb.append(sep).append("{\"id\": ").append(quote(n.getId())).append(", \"label\": ")
              .append(quote(n.getLabel())).append(", \"columns\": ");
            columns(sb, n, model.getNodeTable());
            sb.append('}');
            sep = ",\n";
        }
        sb.append("],\n\"edges\": [");
        sep = "";
        for (Edge e : graph.getEdges()) {
            sb.append(sep).append("{\"source\": ").append(quote(e.getSource().getId()))
              .append(", \"target\": ").append(quote(e.getTarget().getId()))
              .append(", \"kind\": ").append(quote(model.getEdgeTypeLabel(e.getType())))
              .append(", \"label\": ").append(quote(e.getLabel())).append(", \"columns\": ");
            columns(sb, e, model.getEdgeTable());
            sb.append('}');
            sep = ",\n";
        }
        sb.append("],\n\"node_columns\": ").append(titles(model.getNodeTable()));
        sb.append(",\n\"edge_columns\": ").append(titles(model.getEdgeTable()));
        sb.append(",\n\"issues\": [");
        sep = "";
        for (String issue : issues) {
            sb.append(sep).append(quote(issue));
            sep = ", ";
        }
        return sb.append("]}").toString();
    }

    /** The element's values of the table's own (non-property) columns, by column title. */
    private static void columns(StringBuilder sb, Element element, Table table) {
        sb.append('{');
        String sep = "";
        for (Column c : table) {
            if (c.isProperty()) {
                continue;
            }
            sb.append(sep).append(quote(c.getTitle())).append(": ").append(quote(element.getAttribute(c)));
            sep = ", ";
        }
        sb.append('}');
    }

    private static String titles(Table table) {
        StringBuilder sb = new StringBuilder("[");
        String sep = "";
        for (Column c : table) {
            sb.append(sep).append("{\"title\": ").append(quote(c.getTitle())).append(", \"type\": ")
              .append(quote(c.getTypeClass().getSimpleName())).append(", \"property\": ")
              .append(c.isProperty()).append('}');
            sep = ", ";
        }
        return sb.append(']').toString();
    }

    /** A JSON string literal of any value's text (null as JSON null). */
    private static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
