// A local Neo4j Community DBMS with Bolt on 127.0.0.1, for development, tests and CI.
// Started by scripts/neo4j_local.py (which resolves the jars with Maven and compiles this file).
//
// Usage: java -cp <classes>:<jars> Neo4jLocal --home DIR --port N [--user U] [--watch-parent PID]
//        [--pagecache BYTES] [--tx-max BYTES]
// The password comes from the environment variable NEO4J_LOCAL_PASSWORD, never from the
// command line (which other users of the machine can read).
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public final class Neo4jLocal {
    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i], argv[i + 1]);
        }
        Path home = Path.of(a.get("--home"));
        int port = Integer.parseInt(a.get("--port"));
        String user = a.getOrDefault("--user", "neo4j");
        long pagecache = Long.parseLong(a.getOrDefault("--pagecache", String.valueOf(256L << 20)));
        long txMax = Long.parseLong(a.getOrDefault("--tx-max", "0"));
        String password = System.getenv("NEO4J_LOCAL_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("NEO4J_LOCAL_PASSWORD must be set (8 characters or more)");
            System.exit(2);
        }

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                // a throw-away dev database: no need to keep or preallocate transaction logs
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false);
        if (txMax > 0) {
            builder.setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMax);
        }
        DatabaseManagementService dbms = builder.build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j-local: shutting down");
            System.out.flush();
            dbms.shutdown();
            stopped.countDown();
        }));

        // Community keeps users in the system database; set the password there so that
        // clients never meet the "change the default password" state.
        var system = dbms.database("system");
        Map<String, Object> params = Map.of("u", user, "p", password);
        if (user.equals("neo4j")) {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", params);
        } else {
            system.executeTransactionally(
                    "CREATE USER $u IF NOT EXISTS SET PASSWORD $p CHANGE NOT REQUIRED", params);
        }
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("neo4j-local: ready bolt://127.0.0.1:" + port);
        System.out.flush();

        String watch = a.get("--watch-parent");
        if (watch != null) {
            // Tests start the server as a child; if the test process dies without stopping
            // it, the server must not outlive it.
            long pid = Long.parseLong(watch);
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                if (stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                    return;
                }
            }
            System.out.println("neo4j-local: parent " + pid + " is gone");
            System.exit(0);
        }
        stopped.await();
    }
}
