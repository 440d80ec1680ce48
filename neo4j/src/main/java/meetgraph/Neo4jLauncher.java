package meetgraph;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs a Neo4j 5.26 Community DBMS in this JVM with a Bolt connector on loopback, so that
 * meetgraph can be developed and tested against a real server without Docker or a Neo4j install.
 *
 * <p>Options (each also read from the environment variable in brackets):
 * <ul>
 *   <li>{@code --port N} [NEO4J_BOLT_PORT]: Bolt port on 127.0.0.1; default 7687; 0 lets the OS choose.</li>
 *   <li>{@code --http-port N} [NEO4J_HTTP_PORT]: HTTP port for Neo4j Browser and the HTTP API on
 *       127.0.0.1; default -1, which leaves the HTTP connector off.</li>
 *   <li>{@code --data-dir PATH} [NEO4J_DATA_DIR]: the DBMS home (stores, transaction logs, logs);
 *       default {@code data} in the working directory.</li>
 *   <li>{@code --page-cache-mb N}: page cache size; default 64, plenty for a notes corpus.</li>
 *   <li>{@code --stop-on-stdin-eof}: shut down when standard input closes, so a server started by a
 *       test run cannot outlive it even if that run is killed.</li>
 * </ul>
 *
 * <p>On stdout it prints {@code NEO4J HTTP <url>} (only when HTTP is on) and then exactly one
 * {@code NEO4J READY bolt://127.0.0.1:<port>} line once the default database accepts queries;
 * scripts/neo4j.js waits for that line. Authentication is off: the connectors only listen on loopback.
 */
public final class Neo4jLauncher {
    /** Printed once the server accepts Bolt connections; the URI follows it. */
    public static final String READY_PREFIX = "NEO4J READY ";
    private static final String LOOPBACK = "127.0.0.1";

    private Neo4jLauncher() {}

    /** Command-line options after defaults and environment variables are applied. */
    record Options(int boltPort, int httpPort, Path dataDir, long pageCacheMb, boolean stopOnStdinEof) {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j launcher: " + e.getMessage());
            System.exit(2);
            return;
        }

        Files.createDirectories(options.dataDir());
        DatabaseManagementService managementService = build(options);
        // Registered before waiting for readiness so that a signal during start-up still closes the store cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            managementService.shutdown();
            System.out.println("NEO4J STOPPED");
        }, "neo4j-shutdown"));

        GraphDatabaseAPI db = (GraphDatabaseAPI) managementService.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
            System.err.println("neo4j launcher: the default database did not become available within 2 minutes");
            System.exit(1);
        }
        ConnectorPortRegister ports = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
        int boltPort = boundPort(ports, ConnectorType.BOLT);
        awaitListening(boltPort);

        if (options.httpPort() >= 0) {
            System.out.println("NEO4J HTTP http://" + LOOPBACK + ":" + boundPort(ports, ConnectorType.HTTP) + "/browser/");
        }
        System.out.println(READY_PREFIX + "bolt://" + LOOPBACK + ":" + boltPort);
        System.out.flush();

        if (options.stopOnStdinEof()) {
            drain(System.in);
            // System.exit runs the shutdown hook, which closes the DBMS.
            System.exit(0);
        }
    }

    private static DatabaseManagementService build(Options options) {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(options.dataDir().toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, options.boltPort()))
                // Neo4j's defaults wait 5 s each for idle Bolt threads and connections at shutdown,
                // after the databases have already stopped; that only slows down every test run.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(options.pageCacheMb()))
                // Throw-away test stores should not reserve hundreds of MB of log file up front.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // The graph is derived from the notes and rebuilt from them, so transaction logs are
                // kept only until a checkpoint no longer needs them ("false": the newest file). The
                // default keeps two days of them: a development database that loaded 10,000 meetings
                // again and again held 60 GB of logs beside a 0.8 GB store.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // The machine has no route out; usage reporting would only log failures.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(HttpConnector.enabled, options.httpPort() >= 0);
        if (options.boltPort() > 0) {
            // Routing tables (neo4j:// URIs) and Browser's discovery hand out the advertised port.
            builder.setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, options.boltPort()));
        }
        if (options.httpPort() > 0) {
            builder.setConfig(HttpConnector.advertised_address, new SocketAddress(LOOPBACK, options.httpPort()));
        }
        if (options.httpPort() >= 0) {
            builder.setConfig(HttpConnector.listen_address, new SocketAddress(LOOPBACK, options.httpPort()));
        }
        return builder.build();
    }

    private static int boundPort(ConnectorPortRegister ports, ConnectorType type) {
        HostnamePort address = ports.getLocalAddress(type);
        if (address == null) {
            throw new IllegalStateException(type + " connector has no bound address");
        }
        return address.getPort();
    }

    /** The connector registers its port as it binds; one real connection proves clients can reach it. */
    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Bolt port " + port + " is not accepting connections", e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone, which is the same signal as end of input.
        }
    }

    static Options parse(String[] args) {
        int boltPort = intFrom(System.getenv("NEO4J_BOLT_PORT"), 7687, "NEO4J_BOLT_PORT");
        int httpPort = intFrom(System.getenv("NEO4J_HTTP_PORT"), -1, "NEO4J_HTTP_PORT");
        String dataDir = System.getenv().getOrDefault("NEO4J_DATA_DIR", "data");
        long pageCacheMb = 64;
        boolean stopOnStdinEof = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> boltPort = intFrom(valueAfter(args, i++), -1, arg);
                case "--http-port" -> httpPort = intFrom(valueAfter(args, i++), -1, arg);
                case "--data-dir" -> dataDir = valueAfter(args, i++);
                case "--page-cache-mb" -> pageCacheMb = intFrom(valueAfter(args, i++), -1, arg);
                case "--stop-on-stdin-eof" -> stopOnStdinEof = true;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (boltPort < 0 || boltPort > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + boltPort);
        }
        if (httpPort < -1 || httpPort > 65535) {
            throw new IllegalArgumentException("--http-port must be -1 (off) or 0..65535, got " + httpPort);
        }
        if (pageCacheMb < 8) {
            throw new IllegalArgumentException("--page-cache-mb must be at least 8, got " + pageCacheMb);
        }
        return new Options(boltPort, httpPort, Path.of(dataDir), pageCacheMb, stopOnStdinEof);
    }

    private static String valueAfter(String[] args, int index) {
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(args[index] + " needs a value");
        }
        return args[index + 1];
    }

    private static int intFrom(String text, int fallback, String name) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + text + "'");
        }
    }
}
