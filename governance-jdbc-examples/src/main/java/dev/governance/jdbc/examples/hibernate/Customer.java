package dev.governance.jdbc.examples.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** An entity saved with Hibernate's default full-row UPDATE (every column, changed or not). */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    private Integer id;
    private String name;
    private String email;
    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    protected Customer() {
    }

    public Customer(Integer id, String name, String email, LocalDate dateOfBirth) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.dateOfBirth = dateOfBirth;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }
}
