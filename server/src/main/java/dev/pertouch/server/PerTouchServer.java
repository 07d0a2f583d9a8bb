package dev.pertouch.server;

import dev.pertouch.agent.RetouchAgent;
import dev.pertouch.agent.scene.SceneDescriber;
import dev.pertouch.agent.scene.TasteMemory;
import dev.pertouch.inference.EngineConfig;
import dev.pertouch.inference.RetouchEngine;
import dev.pertouch.inference.image.DecodeLimits;
import dev.pertouch.inference.pool.InferencePool;
import dev.pertouch.memory.Database;
import dev.pertouch.memory.Edits;
import dev.pertouch.memory.PhotoStore;
import dev.pertouch.memory.Photos;
import dev.pertouch.memory.PickedRegions;
import dev.pertouch.memory.SceneMemory;
import dev.pertouch.memory.UserData;
import dev.pertouch.memory.Users;
import dev.pertouch.server.account.AccountController;
import dev.pertouch.server.account.AccountService;
import dev.pertouch.server.edit.EditController;
import dev.pertouch.server.edit.EditService;
import dev.pertouch.server.http.Errors;
import dev.pertouch.server.http.Guard;
import dev.pertouch.server.http.Identity;
import dev.pertouch.server.http.RateLimiter;
import dev.pertouch.server.page.PageController;
import dev.pertouch.server.page.Templates;
import dev.pertouch.server.photo.PhotoController;
import dev.pertouch.server.photo.PhotoService;
import dev.pertouch.server.photo.RenderQueue;
import dev.pertouch.server.photo.Uploads;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The running server: opens the database and the photo store, loads the engine and the agent, and serves
 * the page and the API. {@link #close()} stops taking requests, then drains the render queue.
 */
public final class PerTouchServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PerTouchServer.class);
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Javalin app;
    private final List<AutoCloseable> resources;

    private PerTouchServer(Javalin app, List<AutoCloseable> resources) {
        this.app = app;
        this.resources = resources;
    }

    public static PerTouchServer start(ServerConfig config) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Files.createDirectories(config.dataDir());
            Database db = Database.open(config.dbUrl().isEmpty() ? Database.h2FileUrl(config.dataDir()) : config.dbUrl(),
                    config.dbUser(), config.dbPassword());
            resources.add(db);
            RetouchEngine engine = RetouchEngine.create(EngineConfig.defaults());
            resources.add(engine);
            RenderQueue queue = new RenderQueue(new InferencePool(config.workers(), config.queueCapacity()),
                    Duration.ofSeconds(config.renderTimeoutSeconds()));
            resources.add(0, queue);
            PhotoStore store = new PhotoStore(config.dataDir().resolve("photos"));
            AccountService accounts = new AccountService(new Users(db), new UserData(db), new SceneMemory(db), store,
                    Duration.ofDays(config.retentionDays()));
            resources.add(0, accounts);
            RetouchAgent agent = config.vlmBaseUrl().isEmpty() ? RetouchAgent.offline()
                    : RetouchAgent.openAi(config.vlmBaseUrl(), config.vlmModel(), config.vlmApiKey());
            Javalin app = app(config, db, store, engine, queue, agent, accounts);
            app.start(config.host(), config.port());
            LOG.info("PerTouch-J serving on http://{}:{}/ with {} (device {})", config.host(), app.port(), config,
                    engine.device());
            return new PerTouchServer(app, resources);
        } catch (IOException e) {
            closeAll(resources);
            throw new UncheckedIOException("Cannot use the data directory " + config.dataDir(), e);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** Builds the configured application from its collaborators, not yet started. */
    public static Javalin app(ServerConfig config, Database db, PhotoStore store, RetouchEngine engine,
                              RenderQueue queue, RetouchAgent agent, AccountService accounts) throws IOException {
        Guard guard = new Guard(new Identity(signingKey(config)), config.allowedHosts(), new RateLimiter(60, 10));
        Photos photoRecords = new Photos(db);
        PhotoService photos = new PhotoService(engine, queue, store, accounts.users(), photoRecords,
                new PickedRegions(db), new DecodeLimits(config.maxUploadBytes(), config.maxPixels(), 20_000));
        EditService edits = new EditService(photos, engine, queue, new Edits(db), agent,
                new TasteMemory(accounts.memory(), new SceneDescriber()));
        Templates templates = new Templates();
        PageController pages = new PageController(templates, guard, photos, edits, accounts, config.maxUploadBytes());
        Errors errors = new Errors(pages::error);
        Metrics metrics = new Metrics(queue, photoRecords);

        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.multipartConfig.maxFileSize(config.maxUploadBytes(), SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes() + Uploads.ENVELOPE_BYTES, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, config.maxUploadBytes()),
                    SizeUnit.BYTES);
            c.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_HEADER_BYTES);
                http.setSendServerVersion(false);
            });
            c.http.maxRequestSize = config.maxUploadBytes() + Uploads.ENVELOPE_BYTES;
            c.staticFiles.enableWebjars();
            c.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            c.routes.before(guard::before);
            c.routes.before("/api/images", ctx -> Uploads.checkDeclaredSize(ctx, config.maxUploadBytes()));
            c.routes.before("/ui/photos", ctx -> Uploads.checkDeclaredSize(ctx, config.maxUploadBytes()));
            c.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            c.routes.get("/metrics", metrics::serve);
            pages.register(c.routes);
            new PhotoController(photos, config.maxUploadBytes()).register(c.routes);
            new EditController(edits).register(c.routes);
            new AccountController(accounts).register(c.routes);
            errors.register(c.routes);
        });
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        closeAll(resources);
    }

    /** The key that signs identity cookies: from configuration, else made once and kept in the data directory. */
    static byte[] signingKey(ServerConfig config) throws IOException {
        if (!config.secret().isEmpty()) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(config.secret().getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        Path file = config.dataDir().resolve("secret.key");
        if (Files.exists(file)) {
            return Files.readAllBytes(file);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(config.dataDir());
        Path tmp = Files.createTempFile(config.dataDir(), "secret", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, key, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", r, e);
            }
        }
    }
}
