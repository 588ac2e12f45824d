package jp.kawaraban.platform.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerConfigurationSupport;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * How this node takes part in db-scheduler's jobs, so that a node killed in the middle of a
 * job does not hold it for long (decision 0020):
 * <ul>
 * <li>each node has a name of its own, {@code db-scheduler.scheduler-name} when set, else
 *     {@code <host name>:<HTTP port>} — the port is bound before the scheduler starts, so no
 *     other live process on this host has the same name, and a node restarted on its port
 *     gets its old name back;</li>
 * <li>before starting, the node releases the executions still marked as picked under its
 *     name: they belong to its previous life, which is certainly dead, so they run again at
 *     once instead of waiting to be declared dead;</li>
 * <li>executions of other nodes that died are found by their heartbeats
 *     ({@code db-scheduler.heartbeat-interval} × {@code missed-heartbeats-limit} in
 *     application.properties).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DbSchedulerProperties.class)
@ConditionalOnProperty(value = "db-scheduler.enabled", matchIfMissing = true)
class JobSchedulerConfiguration {

    @Bean
    NodeName schedulerNodeName(DbSchedulerProperties properties) {
        return new NodeName(properties.getSchedulerName());
    }

    /**
     * The scheduler, built here rather than by db-scheduler's auto-configuration: that one asks
     * to come after a Spring Boot 3 class that Boot 4 no longer has, so with an external
     * PostgreSQL it was looked at before the connection pool existed and left out — no job ran.
     */
    @Bean(destroyMethod = "stop")
    @DependsOnDatabaseInitialization
    Scheduler scheduler(DbSchedulerProperties properties, DataSource dataSource, NodeName name, List<Task<?>> tasks,
                        ObjectProvider<StatsRegistry> stats, List<SchedulerListener> listeners,
                        List<ExecutionInterceptor> interceptors) {
        DbSchedulerCustomizer naming = new DbSchedulerCustomizer() {
            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(name);
            }
        };
        return DbSchedulerConfigurationSupport.buildScheduler(properties, naming, stats.getIfAvailable(() -> StatsRegistry.NOOP),
                new SystemClock(), dataSource, tasks, listeners, interceptors);
    }

    @Bean
    DbSchedulerStarter startAfterReleasingPreviousRun(Scheduler scheduler, NodeName name, JdbcClient jdbc,
                                                      DbSchedulerProperties properties, ApplicationContext context) {
        return new StartAfterReleasing(scheduler, name, jdbc, properties.getTableName(), context);
    }

    /**
     * This node's name among the schedulers sharing the database. db-scheduler keeps at most
     * {@value #MAX_LENGTH} characters of it, so the port is kept whole and the host name is
     * shortened instead.
     */
    static final class NodeName implements SchedulerName {

        static final int MAX_LENGTH = 50;

        private final String configured;
        private volatile String name;

        NodeName(String configured) {
            this.configured = StringUtils.hasText(configured) ? configured.strip() : null;
            this.name = this.configured != null ? shorten(this.configured) : host() + ":starting";
        }

        /** Called once the web server listens; a random port (0) gives a name nobody had before. */
        void serving(int port) {
            if (configured == null) {
                String suffix = ":" + (port > 0 ? String.valueOf(port) : UUID.randomUUID().toString().substring(0, 8));
                String host = host();
                name = host.substring(0, Math.min(host.length(), MAX_LENGTH - suffix.length())) + suffix;
            }
        }

        @Override
        public String getName() {
            return name;
        }

        private static String shorten(String name) {
            return name.substring(0, Math.min(name.length(), MAX_LENGTH));
        }

        private static String host() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException unknown) {
                return "unknown-host";
            }
        }
    }

    /**
     * Starts the scheduler once the context is refreshed — the web server is listening then, so
     * the node's name is final and unique — after releasing what its previous life left picked.
     */
    static final class StartAfterReleasing implements DbSchedulerStarter, ApplicationListener<ContextRefreshedEvent> {

        private static final Logger log = LoggerFactory.getLogger(StartAfterReleasing.class);

        private final Scheduler scheduler;
        private final NodeName name;
        private final JdbcClient jdbc;
        private final String table;
        private final ApplicationContext context;

        StartAfterReleasing(Scheduler scheduler, NodeName name, JdbcClient jdbc, String table, ApplicationContext context) {
            this.scheduler = scheduler;
            this.name = name;
            this.jdbc = jdbc;
            this.table = table;
            this.context = context;
        }

        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
            if (event.getApplicationContext() == context) {
                doStart();
            }
        }

        @Override
        public void doStart() {
            if (scheduler.getSchedulerState().isStarted() || scheduler.getSchedulerState().isShuttingDown()) {
                return;
            }
            if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
                name.serving(web.getWebServer().getPort());
            }
            // The version moves on too, so a completion reported under the old pick would be refused.
            int released = jdbc.sql("UPDATE " + table + " SET picked = false, picked_by = NULL, last_heartbeat = NULL, "
                            + "version = version + 1 WHERE picked AND picked_by = ?")
                    .param(name.getName()).update();
            if (released > 0) {
                log.info("Job scheduler {}: released {} job executions its previous run left unfinished; they run again now",
                        name.getName(), released);
            } else {
                log.info("Job scheduler {} starting", name.getName());
            }
            scheduler.start();
        }
    }
}
